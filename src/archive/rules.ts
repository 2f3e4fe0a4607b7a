/**
 * What archiving a build means against the week's latest version: the same inputs are a no-op;
 * a changed build is a correction, allowed only as the next edition with a note in both
 * languages; the first build of a week is v1 whatever its edition.
 */
import { parseWeekText } from '../data/load.js';
import { InvalidInputError, type Problem, type ProblemText } from '../errors.js';
import { msg } from '../messages/index.js';
import { isWeekFile } from './manifest.js';
import type { BuiltWeek, VersionRecord } from './types.js';

export type VersionDecision =
  | { kind: 'same'; latest: VersionRecord }
  | { kind: 'next'; version: number; latest: VersionRecord | undefined };

export function decideVersion(
  built: BuiltWeek,
  latest: VersionRecord | undefined,
): VersionDecision {
  if (!latest) return { kind: 'next', version: 1, latest };
  if (latest.inputsHash === built.inputsHash) return { kind: 'same', latest };
  const next = latest.edition + 1;
  const problems: { path: string; text: ProblemText }[] = [];
  if (built.edition !== next) {
    problems.push({ path: 'meta.edition', text: msg.archive.editionNotNext(next, built.edition) });
  }
  const missing = (['zh-TW', 'en'] as const).filter((l) => !built.correction?.[l]?.trim());
  if (missing.length > 0) {
    problems.push({ path: 'meta.correction', text: msg.archive.correctionMissing(next, missing) });
  }
  if (problems.length > 0) {
    throw new InvalidInputError(
      msg.archive.refusedChange(built.week, latest.version, latest.edition),
      locateInWeekFile(built, problems),
    );
  }
  return { kind: 'next', version: latest.version + 1, latest };
}

/** Points each problem at its line in the week file, when the file is among the inputs. */
function locateInWeekFile(
  built: BuiltWeek,
  problems: readonly { path: string; text: ProblemText }[],
): Problem[] {
  const weekFile = built.inputs.find((f) => isWeekFile(f.name));
  const file = weekFile?.name ?? `${built.week}.yaml`;
  let locate:
    | ((path: readonly PropertyKey[]) => { line: number; column: number } | undefined)
    | undefined;
  try {
    if (weekFile) locate = parseWeekText(new TextDecoder().decode(weekFile.bytes), file).locate;
  } catch {
    locate = undefined; // the build read it; a file that no longer parses only loses the line
  }
  return problems.map(({ path, text }) => {
    const at = locate?.(path.split('.'));
    return { file, path, ...text, ...(at ? { line: at.line, column: at.column } : {}) };
  });
}
