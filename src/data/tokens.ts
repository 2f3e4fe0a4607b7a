/** Commentary refers to figures by `[[id]]` tokens, so prose never carries a hand-typed number. */
export const TOKEN_PATTERN = /\[\[([a-z0-9][a-zA-Z0-9.-]*)\]\]/g;

export function findTokens(text: string): string[] {
  return [...text.matchAll(TOKEN_PATTERN)].map((m) => m[1] ?? '');
}

/** Splits a text into literal runs and token ids, in order. */
export function splitTokens(text: string): ({ text: string } | { token: string })[] {
  const parts: ({ text: string } | { token: string })[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ token: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
