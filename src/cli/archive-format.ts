/** Plain-text views of the archive's results for the terminal. */
import type { VersionDetails, VersionDiff, VersionRecord } from '../archive/index.js';
import { msg } from '../messages/index.js';

const lines = (rows: readonly string[]) => `${rows.join('\n')}\n`;
const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;

export function formatList(versions: readonly VersionRecord[], root: string): string {
  if (versions.length === 0) return `${msg.archive.listEmpty(root)}\n`;
  const rows: string[] = [];
  const weeks = [...new Set(versions.map((v) => v.week))];
  for (const week of weeks) {
    const ofWeek = versions.filter((v) => v.week === week);
    rows.push(msg.archive.listWeek(week, ofWeek.length));
    for (const v of ofWeek) {
      rows.push(msg.archive.listVersion(v.version, v.edition, v.createdAt, v.correction?.en ?? ''));
    }
  }
  return lines(rows);
}

export function formatShow({ record, files, manifest }: VersionDetails): string {
  const fonts = Object.entries(manifest.versions.fonts)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ');
  const rows = [
    msg.archive.showTitle(record.week, record.version, record.edition, record.createdAt),
    ...(record.correction
      ? [
          msg.archive.showCorrection('zh-TW', record.correction['zh-TW']),
          msg.archive.showCorrection('en', record.correction.en),
        ]
      : []),
    msg.archive.showMadeWith(record.tool, record.node, record.browser, fonts),
    msg.archive.showHashes(record.inputsHash, record.manifestSha256, record.previousManifestSha256),
    msg.archive.showFiles(files.length),
  ];
  const width = Math.max(...files.map((f) => f.name.length));
  for (const f of files) {
    const size = bytes(f.bytes).padStart(12);
    rows.push(
      `  ${f.role.padEnd(6)}  ${f.name.padEnd(width)}  ${(f.locale ?? '').padEnd(5)}  ${size}  ${f.sha256}`,
    );
  }
  return lines(rows);
}

export function formatDiff(diff: VersionDiff): string {
  const rows = [
    msg.archive.diffTitle(diff.week, diff.a, diff.b),
    msg.archive.diffFigures(diff.figures.length),
  ];
  for (const f of diff.figures) {
    rows.push(`  ${f.id}`);
    for (const locale of ['zh-TW', 'en'] as const) {
      rows.push(`    ${locale.padEnd(5)}  ${f.old?.[locale] ?? '—'}  →  ${f.new?.[locale] ?? '—'}`);
    }
    for (const attribute of f.attributes) rows.push(`    ${attribute}`);
  }
  if (diff.figures.length === 0) rows.push(msg.archive.diffNone());
  rows.push(msg.archive.diffTexts(diff.texts.length));
  for (const t of diff.texts) {
    rows.push(`  ${t.path} (${t.locale})`, `    − ${t.old ?? '—'}`, `    + ${t.new ?? '—'}`);
  }
  if (diff.texts.length === 0) rows.push(msg.archive.diffNone());
  rows.push(msg.archive.diffFiles(diff.files.length));
  for (const f of diff.files) {
    const sizes = `${f.old ? bytes(f.old.bytes) : '—'} → ${f.new ? bytes(f.new.bytes) : '—'}`;
    rows.push(`  ${f.change.padEnd(7)}  ${f.role.padEnd(6)}  ${f.name}  (${sizes})`);
  }
  if (diff.files.length === 0) rows.push(msg.archive.diffNone());
  return lines(rows);
}
