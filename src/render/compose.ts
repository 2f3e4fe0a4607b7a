/** A translated sentence around figures: the sentence escaped, the figures' own markup kept. */
import Handlebars from './handlebars.js';

/** Private-use characters stand in for the figures while the sentence is translated. */
const SLOT = 0xe100;

/**
 * `t(key, { actual: …, expected: … })` where the values are figures' HTML: the translator sees
 * placeholders, the text around them is escaped, then each placeholder becomes its figure.
 */
export function composeHtml(
  translate: (values: Record<string, string>) => string,
  figures: Readonly<Record<string, Handlebars.SafeString>>,
): Handlebars.SafeString {
  const names = Object.keys(figures);
  const slots = Object.fromEntries(names.map((name, i) => [name, String.fromCharCode(SLOT + i)]));
  let html = Handlebars.escapeExpression(translate(slots));
  for (const [i, name] of names.entries()) {
    html = html.replace(String.fromCharCode(SLOT + i), () => figures[name]?.toString() ?? '');
  }
  return new Handlebars.SafeString(html);
}
