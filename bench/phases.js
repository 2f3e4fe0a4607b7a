/** Turns onStage marks and the page-call log of instrument.js into durations (ms). */
import { unionMs } from './stats.js';

/** { load, validate, ..., write }: each stage from its mark to the next (the last to `end`). */
export function stageDurations(marks, end) {
  const out = {};
  marks.forEach(([stage, at], i) => {
    out[stage] = (marks[i + 1]?.[1] ?? end) - at;
  });
  return out;
}

/**
 * The print stage taken apart. Calls of the two pages overlap, so each kind of call counts its
 * wall time (the union of its intervals), as does `pdfMs`, the time inside page.pdf().
 */
export function printBreakdown(log, marks, end) {
  const at = (stage) => marks.find(([s]) => s === stage)?.[1];
  const printStart = at('print');
  // Printing ends where assembling starts: the last PDF is back and finalized.
  const publishStart = at('assemble') ?? end;
  const byOp = {};
  for (const call of log) {
    byOp[call.op] = [...(byOp[call.op] ?? []), [call.start, call.end]];
  }
  const union = (op) => unionMs(byOp[op] ?? []);
  const pdfs = byOp.pdf ?? [];
  const firstPdf = Math.min(...pdfs.map(([s]) => s));
  const lastPdf = Math.max(...pdfs.map(([, e]) => e));
  return {
    stageMs: printStart === undefined ? 0 : publishStart - printStart,
    newPageMs: union('newPage'),
    setupMs: unionMs([
      ...(byOp.setJavaScriptEnabled ?? []),
      ...(byOp.setRequestInterception ?? []),
    ]),
    setContentMs: union('setContent'),
    fontsMs: union('evaluate'),
    pdfMs: union('pdf'),
    closeMs: union('close'),
    /** From the print stage's start to the first page.pdf() call. */
    beforePdfMs: pdfs.length ? firstPdf - printStart : 0,
    /** From the last page.pdf() end to the assemble stage: page close and finalizePdf. */
    afterPdfMs: pdfs.length ? publishStart - lastPdf : 0,
  };
}
