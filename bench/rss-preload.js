/**
 * Preloaded with `node --import` into the cold build and the cold floor: on exit, writes the
 * process's own peak resident set size (kB, from getrusage) to $BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
