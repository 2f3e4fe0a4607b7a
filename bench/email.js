/**
 * The e-mail bench figure (issue 18), on its own until run.js takes it in:
 *
 *   node bench/email.js [--clients N] [--pairs N]      (after `npm run build`)
 *
 * email_vs_bare_pool: messages per second of `sendWeek` (capex-report: 1,000 clients, each message
 * composed from the archived version, its delivery-log row written `sending` before and updated
 * after it goes out) ÷ messages per second of a bare nodemailer pooled transport sending the very
 * same prepared messages (the .eml files of a dry run, loaded into memory before its clock starts)
 * to the same SMTP server, with the same pool size and rate limit. The server (smtp-server, on
 * loopback) runs in its own process and only reads and accepts; each side runs in a process of
 * its own, pairs alternating which goes first; the ratio is taken pair by pair, median reported.
 * Target ≥ 0.8. Peak RSS of each side's process is reported too.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SAMPLE = path.join(ROOT, 'data', '2026-W06.yaml');
const WEEK = '2026-W06';
const SELF = fileURLToPath(import.meta.url);
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const log = (line) => process.stderr.write(`${line}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/** The same pool for both sides: 5 connections, the config's highest rate (1000/s). */
const POOL = { maxConnections: 5, concurrency: 20, rateLimit: 1000 };
const SENDER = 'research@example.com';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    pairs: { type: 'string', default: '3' },
    serve: { type: 'boolean', default: false },
    ours: { type: 'string' },
    bare: { type: 'string' },
  },
});

/** The SMTP sink: reads every message whole and accepts it. Prints its port. */
async function serve() {
  const { SMTPServer } = await import('smtp-server');
  let received = 0;
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received += 1;
        callback(null, `250 OK ${received}`);
      });
    },
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.server.address().port}\n`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  // Never outlive the bench: a parent killed outright cannot send SIGTERM.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && process.exit(0), 1000).unref();
}

function environment(project, port) {
  return {
    CAPEX_REPORT_CONFIG: project.config,
    CAPEX_REPORT_ARCHIVE: project.archive,
    CAPEX_REPORT_OUTPUT: project.output,
    CAPEX_REPORT_CLIENTS: project.clients,
    ...(port ? { CAPEX_REPORT_SMTP_HOST: '127.0.0.1', CAPEX_REPORT_SMTP_PORT: String(port) } : {}),
    CAPEX_REPORT_SMTP_SECURITY: 'none',
  };
}

async function configOf(env) {
  const { loadConfig } = await import(dist('config/index.js'));
  return (await loadConfig({ cwd: ROOT, env })).config;
}

/** capex-report's send: compose, log, send, record, for every client. */
async function runOurs({ project, port }) {
  const { sendWeek } = await import(dist('email/send.js'));
  const config = await configOf(environment(project, port));
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await sendWeek({ config, week: WEEK, env: {} });
  const ms = performance.now() - started;
  if (summary.counts.sent !== summary.results.length) throw new Error('not every message was sent');
  report(ms, summary.counts.sent, process.cpuUsage(cpu));
}

/** The floor: the same prepared messages through a bare pooled transport. */
async function runBare({ project, port, outbox }) {
  const nodemailer = (await import('nodemailer')).default;
  const envelopes = JSON.parse(readFileSync(path.join(project.dir, 'envelopes.json'), 'utf8'));
  const messages = envelopes.map((e) => ({
    raw: readFileSync(path.join(outbox, e.file)),
    envelope: { from: SENDER, to: e.to },
  }));
  const transport = nodemailer.createTransport({
    pool: true,
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    maxConnections: POOL.maxConnections,
    rateLimit: POOL.rateLimit,
    rateDelta: 1000,
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(messages.map((m) => transport.sendMail(m)));
  const ms = performance.now() - started;
  transport.close();
  report(ms, messages.length, process.cpuUsage(cpu));
}

/** Wall time, and the process's CPU time over it (steadier than wall time on a busy machine). */
function report(ms, messages, cpu) {
  const rssPeakMb = process.resourceUsage().maxRSS / 1024;
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`${JSON.stringify({ ms, messages, cpuMs, rssPeakMb })}\n`);
}

function runChild(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SELF, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
    });
    child.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').at(-1)))
        : reject(new Error(`${args[0]} exited ${code}`)),
    );
  });
}

function startServer() {
  const child = spawn(process.execPath, [SELF, '--serve'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    child.stdout.once('data', (c) => resolve({ port: Number(String(c).trim()), child }));
  });
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** The built sample as the archive takes it (as tests/helpers/built-week.ts does). */
function builtWeek(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const file = (name, bytes) => ({ name, bytes: new Uint8Array(bytes), sha256: sha256(bytes) });
  const inputs = [
    file(`data/${WEEK}.yaml`, readFileSync(SAMPLE)),
    ...['templates', 'locales'].flatMap((folder) =>
      filesUnder(path.join(ROOT, folder)).map((n) =>
        file(`${folder}/${n}`, readFileSync(path.join(ROOT, folder, n))),
      ),
    ),
  ];
  const artifacts = filesUnder(dir).map((n) => {
    const locale = /\.(zh-TW|en)\.[a-z]+$/.exec(n)?.[1];
    return {
      ...file(n, readFileSync(path.join(dir, n))),
      mediaType: n.endsWith('.pdf') ? 'application/pdf' : 'application/octet-stream',
      ...(locale ? { locale } : {}),
    };
  });
  const versions = {
    tool: manifest.tool.version,
    node: manifest.tool.node,
    browser: manifest.browser,
    fonts: {},
  };
  return { week: WEEK, edition: 1, inputs, artifacts, inputsHash: manifest.inputsHash, versions };
}

function clientsYaml(n) {
  const languages = ['zh-TW', 'en', 'zh-TW', 'en', 'both'];
  const lines = ['clients:'];
  for (let i = 0; i < n; i++) {
    const id = `client-${String(i).padStart(4, '0')}`;
    lines.push(`  - id: ${id}`, `    name: Bench Client ${i}`, `    email: ${id}@example.com`);
    lines.push(`    language: ${languages[i % languages.length]}`);
  }
  return `${lines.join('\n')}\n`;
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'capex-report-bench-email-'));
  const n = Number(values.clients);
  const pairs = Number(values.pairs);
  let server;
  try {
    // Setup: the sample built and archived once; the client list; the config of the firm.
    log('building and archiving the sample week…');
    execFileSync(process.execPath, [
      path.join(ROOT, 'bin/capex-report.js'),
      'build',
      '--quiet',
      '--data',
      SAMPLE,
      '--out',
      path.join(work, 'build'),
    ]);
    const { archiveWeek } = await import(dist('archive/archive.js'));
    const template = path.join(work, 'archive');
    await archiveWeek(builtWeek(path.join(work, 'build', WEEK)), { root: template });
    const config = path.join(work, 'bench.config.yaml');
    writeFileSync(
      config,
      [
        'sender:',
        `  from: { name: Bench Desk, address: ${SENDER} }`,
        'smtp:',
        `  pool: { maxConnections: ${POOL.maxConnections}, concurrency: ${POOL.concurrency}, rateLimit: ${POOL.rateLimit} }`,
        '',
      ].join('\n'),
    );
    const project = (name) => {
      const dir = path.join(work, name);
      cpSync(template, path.join(dir, 'archive'), { recursive: true });
      writeFileSync(path.join(dir, 'clients.yaml'), clientsYaml(n));
      return {
        dir,
        config,
        archive: path.join(dir, 'archive'),
        output: path.join(dir, 'output'),
        clients: path.join(dir, 'clients.yaml'),
      };
    };
    // The prepared messages: a dry run's .eml files, with their envelopes.
    const prepared = project('prepared');
    const { sendWeek } = await import(dist('email/send.js'));
    const dry = await sendWeek({
      config: await configOf(environment(prepared)),
      week: WEEK,
      dryRun: true,
    });
    const outbox = path.join(prepared.output, WEEK, 'outbox');
    writeFileSync(
      path.join(prepared.dir, 'envelopes.json'),
      JSON.stringify(
        dry.results.map((r) => ({ file: path.basename(r.file), to: [r.address, ...r.cc] })),
      ),
    );
    const bytes = dry.results.reduce((sum, r) => sum + readFileSync(r.file).length, 0);
    log(`${n} messages prepared, ${round(bytes / 1e6, 1)} MB`);

    server = await startServer();
    const port = server.port;
    const ratios = [];
    const ours = [];
    const bare = [];
    for (let i = 0; i < pairs; i++) {
      const runOursOnce = () =>
        runChild(['--ours', JSON.stringify({ project: project(`ours-${i}`), port })]);
      const runBareOnce = () =>
        runChild(['--bare', JSON.stringify({ project: prepared, port, outbox })]);
      const [a, b] = i % 2 === 0 ? [await runBareOnce(), await runOursOnce()] : [null, null];
      const [c, d] = i % 2 === 1 ? [await runOursOnce(), await runBareOnce()] : [null, null];
      const o = b ?? c;
      const f = a ?? d;
      const rate = (r) => r.messages / (r.ms / 1000);
      ours.push(o);
      bare.push(f);
      ratios.push(rate(o) / rate(f));
      log(
        `pair ${i + 1}/${pairs}: capex-report ${round(rate(o), 1)} msg/s (${Math.round(o.ms)} ms, CPU ${Math.round(o.cpuMs)} ms, peak RSS ${Math.round(o.rssPeakMb)} MB), bare pool ${round(rate(f), 1)} msg/s (${Math.round(f.ms)} ms, CPU ${Math.round(f.cpuMs)} ms, peak RSS ${Math.round(f.rssPeakMb)} MB), ratio ${round(ratios[i], 3)}`,
      );
    }
    const result = {
      clients: n,
      megabytes: round(bytes / 1e6, 1),
      pool: POOL,
      email_vs_bare_pool: {
        median: round(median(ratios), 3),
        min: round(Math.min(...ratios), 3),
        max: round(Math.max(...ratios), 3),
        target: '>= 0.8',
      },
      ours_msgs_per_s: round(median(ours.map((r) => r.messages / (r.ms / 1000))), 1),
      bare_msgs_per_s: round(median(bare.map((r) => r.messages / (r.ms / 1000))), 1),
      ours_cpu_ms_per_msg: round(median(ours.map((r) => r.cpuMs / r.messages))),
      bare_cpu_ms_per_msg: round(median(bare.map((r) => r.cpuMs / r.messages))),
      ours_peak_rss_mb: Math.round(Math.max(...ours.map((r) => r.rssPeakMb))),
      bare_peak_rss_mb: Math.round(Math.max(...bare.map((r) => r.rssPeakMb))),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    server?.child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

// Dispatch last: every const above is initialized by now.
if (values.serve) await serve();
else if (values.ours) await runOurs(JSON.parse(values.ours));
else if (values.bare) await runBare(JSON.parse(values.bare));
else await main();
