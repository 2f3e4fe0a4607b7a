/** The live preview (`capex-report preview`): its command, its terminal lines and its page. */
import type { ProblemText } from '../errors.js';

export const command =
  'Serve a live preview of the week on 127.0.0.1: both languages side by side as printed, rebuilt on every change to the week, templates, locales, chart specs or config; a button prints the PDFs. Ctrl-C stops it (exit 0).';
export const portOption = 'the port on 127.0.0.1 (0: any free port; the URL is printed)';
export const weekOption = 'the week, e.g. 2026-W07 (default: the newest week file in paths.data)';
export const dataOption = 'the week file (instead of --week)';
export const badPort = 'a port number from 0 to 65535';

export const listening = (url: string) => `Preview of the week at ${url}`;
export const watching = (count: number) =>
  `  watching the week file, templates, locales and config (${count} folders); Ctrl-C stops`;
export const rebuilt = (week: string, ms: number) => `  rebuilt ${week} in ${Math.round(ms)} ms`;
export const invalid = (count: number) =>
  `  invalid input: ${count === 1 ? '1 problem' : `${count} problems`} (shown in the page)`;
export const failed = (message: string) => `  build failed: ${message}`;
export const printed = (ms: number) => `  printed both PDFs in ${Math.round(ms)} ms`;
export const stopped = 'Preview stopped';
export const portInUse = (port: number) =>
  `Port ${port} on 127.0.0.1 is in use; pick another with --port (0: any free port)`;
export const cannotListen = (port: number) => `Could not listen on 127.0.0.1:${port}`;
export const nothingToPrint = 'Nothing to print yet: the week has not built';

// HTTP answers (plain text).
export const wrongHost = 'Misdirected request: this server answers only to its loopback address';
export const wrongOrigin = 'Forbidden: a request from another origin';
export const badPath = 'Bad request: not a path of this preview';
export const notFound = 'Not found';
export const notAllowed = 'Method not allowed';

/** A build failure that is not a located problem, shown in the page like one. */
export const buildFailure = (message: string): ProblemText => ({
  expected: 'a week that builds',
  found: message,
});

/** The preview page's own words (sent to the page as data, used by its script). */
export const page = {
  title: 'capex-report preview',
  brand: 'preview',
  building: 'Rebuilding…',
  firstBuild: 'Building…',
  built: 'Built',
  failed: 'Not rebuilt: the last good preview is shown',
  disconnected: 'Preview server stopped',
  print: 'Print PDFs',
  printing: 'Printing…',
  printFailed: 'Printing failed',
  pdf: 'PDF',
  printedOlder: 'printed from an earlier build',
  problems: 'The week does not build',
  expected: 'expected',
  found: 'found',
  marks:
    'Draft: DRAFT is printed across every page; build refuses until each is confirmed or changed',
  figuresMarked: 'figures carried for review',
  textsMarked: 'texts marked as drafts',
  carriedFrom: 'carried from week',
  pageBreak: 'page break',
  languages: { 'zh-TW': 'zh-TW · Traditional Chinese', en: 'en · English' },
} as const;
