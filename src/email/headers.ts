/**
 * Texts of the archived week that go into a mail header: the title and the correction note make
 * the subject. A line break there would let the week file add headers of its own (header
 * injection), so such a week is refused before anything is composed, located in the stored file.
 * (The client list and the config refuse control characters when they are read.)
 */
import { LOCALES } from '../data/schema.js';
import { InvalidInputError, type Problem } from '../errors.js';
import { formatPath } from '../io/paths.js';
import { msg } from '../messages/index.js';
import type { Edition } from './edition.js';

// Any C0/C1 control character, DEL, and the Unicode line and paragraph separators.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

export function isHeaderSafe(text: string): boolean {
  return !CONTROL.test(text);
}

export function checkHeaderTexts(edition: Edition): void {
  const { week, record, weekFile } = edition;
  const texts: [(string | number)[], string | undefined][] = LOCALES.flatMap((locale) => [
    [['meta', 'title', locale], week.meta.title[locale]],
    [['meta', 'correction', locale], record.correction?.[locale]],
  ]);
  const problems: Problem[] = [];
  for (const [keys, text] of texts) {
    if (text === undefined || isHeaderSafe(text)) continue;
    problems.push({
      file: weekFile.file,
      path: formatPath(keys),
      ...(weekFile.locate(keys) ?? {}),
      ...msg.email.headerText(text),
    });
  }
  if (problems.length > 0) {
    throw new InvalidInputError(msg.email.unsafeHeaders(weekFile.file, problems.length), problems);
  }
}
