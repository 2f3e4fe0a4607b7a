/**
 * A sandbox for fault tests: the command runs with its own temporary folder (TMPDIR) and output
 * folder, so that what a run leaves behind (files, a browser profile, a process) can be counted.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CliResult, runCli } from './cli.js';
import { tempDirs } from './temp.js';

export const MINIMAL = 'tests/fixtures/valid/minimal.yaml';

export interface Sandbox {
  root: string;
  /** TMPDIR of every run in the sandbox. */
  tmp: string;
  /** Where `--out` points. */
  out: string;
}

/** Call at a test file's top level; each call of the result makes one sandbox. */
export function sandboxes(prefix: string): () => Sandbox {
  const dirs = tempDirs(prefix);
  return () => {
    const root = dirs();
    const box = { root, tmp: path.join(root, 'tmp'), out: path.join(root, 'out') };
    mkdirSync(box.tmp);
    mkdirSync(box.out);
    return box;
  };
}

/** The command, run in the sandbox (its TMPDIR). */
export function runIn(
  box: Sandbox,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return runCli(args, { TMPDIR: box.tmp, ...env });
}

/** A variant of the minimal week written into the sandbox. */
export function weekFile(box: Sandbox, name: string, edit: (text: string) => string): string {
  const file = path.join(box.root, name);
  writeFileSync(file, edit(readFileSync(MINIMAL, 'utf8')));
  return file;
}

/** Replaces `from`, which must occur exactly once. */
export function swap(text: string, from: string, to: string): string {
  const parts = text.split(from);
  if (parts.length !== 2) throw new Error(`expected one ${JSON.stringify(from)}`);
  return parts.join(to);
}

/** 1-based line of the first line holding `needle`. */
export function lineOf(file: string, needle: string): number {
  const index = readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line with ${needle}`);
  return index + 1;
}

/** Every file and folder under `dir`, hidden ones too, relative, sorted. */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      out.push(rel);
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
    }
  };
  walk('');
  return out.sort();
}

/** Processes whose command line names `dir` (a browser with its profile there, a build). */
export function processesUsing(dir: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.includes(dir));
}

/** Waits until no process names `dir`, up to `ms`; returns the ones still there. */
export async function processesGone(dir: string, ms = 5000): Promise<string[]> {
  const until = Date.now() + ms;
  for (;;) {
    const left = processesUsing(dir);
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}
