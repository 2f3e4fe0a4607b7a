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
export const sent = (c: SendCounts) =>
  c.written > 0
    ? `${c.written} message(s) written to the outbox (dry run), ${c.skipped} skipped`
    : `${c.sent} sent, ${c.failed} failed, ${c.unknown} unknown, ${c.skipped} skipped (delivered before)`;
export const step = (name: string, what: string) => `  ${name}: ${what}`;
export const nothingToDo = (week: string, version: number) =>
  `Nothing to do: ${week} v${version} is archived and every client has it.`;
export const done = (week: string, version: number) => `Done: ${week} v${version}.`;
export const busy = (week: string, owner: string, until: string) =>
  `Another weekly run of ${week} is going on (${owner}, its lease runs until ${until}); nothing was done. Try again when it has finished.`;
