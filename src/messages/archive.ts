/** The archive: storing versions, reading, verifying, exporting and comparing them. */
import type { ProblemText } from '../errors.js';

const short = (sha256: string) => sha256.slice(0, 12);
export const versionLabel = (week: string, version: number) => `${week} v${version}`;

// Opening the archive
export const notAnArchive = (root: string) => `Not an archive folder (${root})`;
export const notAnArchiveProblem = (found: string): ProblemText => ({
  expected: 'an archive folder (with archive.db), or an empty or missing folder to start one',
  found,
  hint: 'point the archive root at its own folder; nothing was written here',
});
export const noArchive = (root: string) => `No archive at ${root}`;
export const noArchiveProblem = (found: string): ProblemText => ({
  expected: 'an archive folder with archive.db',
  found,
  hint: 'archive a built week first (capex-report archive), or pass the right archive folder',
});
export const couldNotOpenIndex = (file: string) => `Could not open the archive index (${file})`;
export const newerSchema = (file: string, found: number, known: number) =>
  `The archive index ${file} has schema version ${found}, newer than this capex-report knows (${known}): upgrade capex-report to read or write this archive`;

// Finding weeks and versions
export const weekNotArchived = (week: string, root: string) =>
  `Week ${week} is not archived in ${root}`;
export const weekNotArchivedProblem = (archived: readonly string[]): ProblemText => ({
  expected: 'an archived week',
  found: archived.length ? `only ${archived.join(', ')}` : 'no archived week',
  hint: 'build the week and archive it first (capex-report archive)',
});
export const noSuchVersion = (week: string, version: number) =>
  `${versionLabel(week, version)} does not exist`;
export const noSuchVersionProblem = (latest: number): ProblemText => ({
  expected: `a version from v1 to v${latest}`,
  hint: 'capex-report archive list shows every version',
});
export const badVersionArgument = (text: string) =>
  `Not a version: ${JSON.stringify(text)} (expected v1, v2, … or 1, 2, …)`;

// Archiving
export const refusedChange = (week: string, latest: number, edition: number) =>
  `Refused to archive ${week}: the build differs from ${versionLabel(week, latest)} (edition ${edition}), so it is a correction`;
export const editionNotNext = (next: number, found: number): ProblemText => ({
  expected: `meta.edition: ${next} (a correction is the next edition)`,
  found: String(found),
  hint: `bump meta.edition to ${next} and add meta.correction in both languages (zh-TW and en), then build and archive again`,
});
export const correctionMissing = (next: number, missing: readonly string[]): ProblemText => ({
  expected: 'meta.correction with a note in both languages, saying what was corrected',
  found: `no note in ${missing.join(' and ')}`,
  hint: `add meta.correction (zh-TW and en) beside meta.edition: ${next}, then build and archive again`,
});
export const duplicateFileName = (name: string) =>
  `The build names two files ${JSON.stringify(name)}; cannot archive it`;
export const hashMismatch = (name: string) =>
  `The build's SHA-256 of ${name} does not match its bytes; cannot archive it`;
export const couldNotRecord = (label: string, root: string) =>
  `Could not record ${label} in the archive index (${root}); nothing of it was recorded`;
export const tooBusy = (week: string, attempts: number) =>
  `Could not take a version number for ${week}: other archive processes took it ${attempts} times in a row`;
export const archived = (week: string, version: number) =>
  `Archived ${versionLabel(week, version)}`;
export const unchanged = (week: string, version: number) =>
  `${week}: the same inputs are already archived as v${version}; nothing changed`;

// Exporting
export const exportConflicts = (dir: string) =>
  `Refused to export: files in ${dir} would be overwritten`;
export const exportConflict = (): ProblemText => ({
  expected: 'no file there, or the very bytes being exported',
  found: 'a different file',
  hint: 'export into an empty folder, or move the file away',
});
export const exported = (week: string, version: number, count: number, dir: string) =>
  `Exported ${versionLabel(week, version)}: ${count} files in ${dir}`;
export const damagedBlob = (name: string, sha256: string) =>
  `The archived ${name} (blob ${short(sha256)}) is missing or damaged; run capex-report archive verify`;

// Verifying
export const verifyFailed = (count: number) =>
  `The archive failed verification: ${count === 1 ? '1 problem' : `${count} problems`}`;
export const verifyPassed = (versions: number, blobs: number) =>
  `The archive is intact: ${versions} versions, ${blobs} blobs re-hashed`;
export const orphans = (count: number) =>
  `${count} blob(s) belong to no version (left by an interrupted or concurrent archive); kept, not deleted:`;
export const blobMissing = (sha256: string): ProblemText => ({
  expected: `the blob ${short(sha256)}`,
  found: 'no such file',
  hint: 'restore it from a backup or an export of this version',
});
export const blobModified = (sha256: string, actual: string): ProblemText => ({
  expected: `bytes with SHA-256 ${short(sha256)} (the blob's name)`,
  found: `bytes with SHA-256 ${short(actual)}: changed after it was archived`,
  hint: 'restore it from a backup or an export of this version',
});
export const manifestUnreadable = (found: string): ProblemText => ({
  expected: 'the version manifest (JSON)',
  found,
});
export const manifestDisagrees = (field: string, manifest: string, index: string): ProblemText => ({
  expected: `${field} as the version manifest records it: ${manifest}`,
  found: `${index} in the index`,
  hint: 'the index was edited after archiving',
});
export const fileRowMissing = (sha256: string): ProblemText => ({
  expected: `an index row for this file (blob ${short(sha256)}), as the version manifest lists it`,
  found: 'none',
  hint: 'the index was edited after archiving',
});
export const fileRowExtra = (sha256: string): ProblemText => ({
  expected: 'only the files the version manifest lists',
  found: `an index row for a file it does not list (blob ${short(sha256)})`,
  hint: 'the index was edited after archiving',
});
export const versionGap = (missing: number): ProblemText => ({
  expected: `version v${missing} (versions are numbered from 1 without gaps)`,
  found: 'none: a whole version was removed',
});
export const chainBroken = (expected: string | null, found: string | null): ProblemText => ({
  expected: `previous manifest ${expected ? short(expected) : 'none (the first version)'}`,
  found: found ? short(found) : 'none',
  hint: 'a version before it was removed or rewritten',
});

// Comparing
export const diffTitle = (week: string, a: number, b: number) => `${week}: v${a} → v${b}`;
export const diffFigures = (count: number) => `Figures: ${count} changed`;
export const diffTexts = (count: number) => `Texts: ${count} changed`;
export const diffFiles = (count: number) => `Files: ${count} changed`;
export const diffNone = () => '  (none)';
export const noWeekFile = (week: string, version: number) =>
  `${versionLabel(week, version)} holds no week data file (data/*.yaml)`;
export const couldNotReadWeek = (week: string, version: number) =>
  `Could not read the week data of ${versionLabel(week, version)}`;

// Listing and showing
export const listWeek = (week: string, count: number) =>
  `${week}: ${count === 1 ? '1 version' : `${count} versions`}`;
export const listVersion = (version: number, edition: number, createdAt: string, note: string) =>
  `  v${version}  edition ${edition}  ${createdAt}${note ? `  corrected: ${note}` : ''}`;
export const listEmpty = (root: string) => `No versions archived in ${root} yet`;
export const showTitle = (week: string, version: number, edition: number, createdAt: string) =>
  `${versionLabel(week, version)}, edition ${edition}, archived ${createdAt}`;
export const showCorrection = (locale: string, note: string) => `Correction (${locale}): ${note}`;
export const showMadeWith = (tool: string, node: string, browser: string | null, fonts: string) =>
  `Made with capex-report ${tool}, Node ${node}, ${browser ?? 'no browser'}; fonts ${fonts || 'none'}`;
export const showHashes = (inputsHash: string, manifest: string, previous: string | null) =>
  `Inputs hash ${inputsHash}\nManifest ${manifest}${previous ? ` (previous ${previous})` : ' (the first version)'}`;
export const showFiles = (count: number) => `Files (${count}):`;

export const couldNotStore = (file: string) => `Could not store a file in the archive (${file})`;

// Archiving what `build` wrote (from-output.ts).
export const notBuilt = (dir: string) => `Could not archive ${dir}: it holds no build`;
export const noBuildThere = (): ProblemText => ({
  expected: 'a folder capex-report build wrote (with its manifest.json)',
  found: 'none',
  hint: 'build the week first: capex-report build --archive, or capex-report build then archive',
});
export const changedSinceBuild = (dir: string) =>
  `Could not archive ${dir}: files changed since it was built`;
export const outputChanged = (present: boolean): ProblemText => ({
  expected: 'the file as the build wrote it',
  found: present ? 'other bytes' : 'nothing',
  hint: 'build the week again: capex-report build --archive',
});
export const inputChanged = (now: string | undefined, built: string | undefined): ProblemText => ({
  expected: built ? 'the input the build read' : 'no such input (the build did not read it)',
  found: now ? 'a changed file' : 'no file',
  hint: 'build the week again: capex-report build --archive',
});
export const rebuilt = (week: string, version: number, identical: boolean) =>
  identical
    ? `${week} v${version}: rebuilt byte-identical`
    : `${week} v${version}: the rebuilt PDFs differ from the archived ones`;
export const rebuiltPdf = (locale: string, identical: boolean) =>
  `  report.${locale}.pdf: ${identical ? 'identical' : 'differs'}`;
export const versionDiffers = (what: string, recorded: string, now: string) =>
  `  ${what}: archived with ${recorded}, now ${now}`;
export const noVersionDiffers =
  '  every recorded version (tool, browser, fonts, Node) is the same: the inputs or the machine differ';
export const noBuiltWeek = (dir: string) =>
  `No built week in ${dir}/; build one first (capex-report build) or name it with --week`;
