/**
 * The archived version an e-mail is made from: its index record (week, number, edition,
 * correction note), the week file it was built from (read through the same load → validate →
 * derive as the build, so the e-mail prints the PDF's numbers) and its two PDFs, each checked
 * against its hash as it is read. Only archived versions are sent: every message traces to one.
 */
import {
  type Archive,
  type ArchivedFile,
  findVersion,
  isWeekFile,
  readBlobChecked,
  selectFiles,
  type VersionRecord,
} from '../archive/index.js';
import { parseWeekText } from '../data/load.js';
import { LOCALES, type Locale, type Week } from '../data/schema.js';
import { validateWeek } from '../data/validate.js';
import { CapexReportError, InvalidInputError } from '../errors.js';
import type { Position } from '../io/yaml.js';
import { msg } from '../messages/index.js';
import { deriveMetrics } from '../metrics/derive.js';
import type { Metrics } from '../metrics/types.js';

export interface Edition {
  record: VersionRecord;
  week: Week;
  metrics: Metrics;
  /** The stored week file as messages name it ('2026-W06 v1 data/2026-W06.yaml'), and its lines. */
  weekFile: { file: string; locate(path: readonly PropertyKey[]): Position | undefined };
  pdfs: Record<Locale, Uint8Array>;
}

/** The week's version (default: the latest); a week not archived is refused, saying how to archive. */
export async function readEdition(
  archive: Archive,
  week: string,
  version?: number,
): Promise<Edition> {
  const record = findVersion(archive, week, version);
  const files = selectFiles(archive.db, week, record.version);
  const label = msg.archive.versionLabel(week, record.version);
  const stored = files.find((f) => f.role === 'input' && isWeekFile(f.name));
  if (!stored) throw new CapexReportError(msg.archive.noWeekFile(week, record.version));
  const file = `${label} ${stored.name}`;
  const text = new TextDecoder().decode(await readBlobChecked(archive, stored.sha256, file));
  const { week: parsed, metrics, locate } = readWeek(text, file, week, record.version);
  const pdfs = {} as Record<Locale, Uint8Array>;
  for (const locale of LOCALES) {
    const pdf = findPdf(files, locale);
    if (!pdf) throw new CapexReportError(msg.email.noPdf(label, locale));
    pdfs[locale] = await readBlobChecked(archive, pdf.sha256, `${label} ${pdf.name}`);
  }
  return { record, week: parsed, metrics, weekFile: { file, locate }, pdfs };
}

function findPdf(files: readonly ArchivedFile[], locale: Locale): ArchivedFile | undefined {
  return files.find(
    (f) => f.role === 'output' && f.mediaType === 'application/pdf' && f.locale === locale,
  );
}

function readWeek(text: string, file: string, week: string, version: number) {
  try {
    const loaded = parseWeekText(text, file);
    const validated = validateWeek(loaded);
    const metrics = deriveMetrics(validated, { writtenDecimals: loaded.writtenDecimals });
    return { week: validated, metrics, locate: loaded.locate };
  } catch (error) {
    // A week archived by an older capex-report that this one's schema no longer accepts.
    if (error instanceof InvalidInputError) {
      throw new InvalidInputError(msg.archive.couldNotReadWeek(week, version), error.problems, {
        cause: error,
      });
    }
    throw error;
  }
}
