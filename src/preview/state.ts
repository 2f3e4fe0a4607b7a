/**
 * What the preview page is told (server-sent events) and what it may fetch: the state of the
 * last build and print, and the report's files by name, in memory. A name is looked up in a map,
 * never turned into a path on disk, so no request can reach another file.
 */
import type { MarkJson } from '../cli/json.js';
import type { Locale } from '../data/schema.js';
import type { Problem } from '../errors.js';
import type { Artifact } from '../output/artifacts.js';

export type PreviewStatus = 'building' | 'ready' | 'error';

export interface PrintedPdf {
  locale: Locale;
  /** The PDF's address in the preview. */
  url: string;
  bytes: number;
}

export interface PreviewState {
  /** Counts good builds: the page swaps its pages in when it changes. */
  version: number;
  status: PreviewStatus;
  week: string | null;
  paper: string;
  locales: Locale[];
  /** The last good build: when, how long it took, what it still holds marked (new-week). */
  builtAt: string | null;
  buildMs: number | null;
  marks: MarkJson[];
  /** The last failure (the last good build stays on show): its summary and located problems. */
  error: string | null;
  problems: Problem[];
  printing: boolean;
  /** The PDFs of the last print, of build `printedVersion`. */
  pdfs: PrintedPdf[];
  printedVersion: number | null;
  printError: string | null;
}

export function initialState(paper: string, locales: Locale[]): PreviewState {
  return {
    version: 0,
    status: 'building',
    week: null,
    paper,
    locales,
    builtAt: null,
    buildMs: null,
    marks: [],
    error: null,
    problems: [],
    printing: false,
    pdfs: [],
    printedVersion: null,
    printError: null,
  };
}

/** The report's files the preview serves: the last good build's HTML and charts, the PDFs. */
export class ReportFiles {
  private built = new Map<string, Artifact>();
  private printed = new Map<string, Artifact>();

  /** A new good build: its HTML and charts (the PDFs of an older build stay until the next print). */
  setBuilt(artifacts: readonly Artifact[]): void {
    this.built = new Map(
      artifacts.filter((a) => a.name.endsWith('.html') || a.name.endsWith('.svg')).map(byName),
    );
  }

  setPrinted(artifacts: readonly Artifact[]): void {
    this.printed = new Map(artifacts.filter((a) => a.name.endsWith('.pdf')).map(byName));
  }

  /** The file of that exact name, or undefined. */
  get(name: string): Artifact | undefined {
    return this.built.get(name) ?? this.printed.get(name);
  }
}

const byName = (a: Artifact): [string, Artifact] => [a.name, a];
