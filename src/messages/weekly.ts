/** `capex-report weekly`: what each step did. */

/** What a send did, as the summary counts it (email/results.ts). */
interface SendCounts {
  sent: number;
  failed: number;
  unknown: number;
  skipped: number;
  written: number;
}

export const label = (week: string) => `Weekly ${week}`;
export const valid = 'the week file is valid';
export const built = (dir: string) => `built into ${dir}`;
export const alreadyBuilt = (dir: string) =>
  `nothing to build: ${dir} already holds a build of these inputs`;
export const archived = (version: number) => `archived as v${version}`;
export const alreadyArchived = (version: number) =>
  `nothing to do: v${version} already holds these very inputs`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const sent = (c: SendCounts) =>
  c.written > 0
    ? `${plural(c.written, 'message')} written to the outbox (dry run, nothing sent)${c.skipped > 0 ? `, ${c.skipped} skipped` : ''}`
    : `${c.sent} sent, ${c.failed} failed, ${c.unknown} unknown, ${c.skipped} skipped (delivered before)`;
export const step = (name: string, what: string) => `  ${name}: ${what}`;
export const nothingToDo = (week: string, version: number) =>
  `Nothing to do: ${week} v${version} is archived and every client has it.`;
export const done = (week: string, version: number) => `Done: ${week} v${version}.`;
export const pdfs = (files: readonly string[]) => `  The PDFs: ${files.join(', ')}`;
export const outbox = (dir: string) => `  The messages, one .eml per client: ${dir}`;
export const busy = (week: string, owner: string, until: string) =>
  `Another weekly run of ${week} is going on (${owner}, its lease runs until ${until}); nothing was done. Try again when it has finished.`;
