/**
 * Commentary refers to figures by `[[id]]` tokens, so prose never carries a hand-typed number.
 * `[[id|abs]]` prints the figure's size without its sign, for a sentence whose verb carries the
 * direction ("fell [[id|abs]]" → "fell more than 10%").
 */
export const TOKEN_PATTERN = /\[\[([a-z0-9][a-zA-Z0-9.-]*)(?:\|([a-z]+))?\]\]/g;

/** How a token prints its figure: as it is, or its size alone. */
export const TOKEN_VARIANTS = ['abs'] as const;
export type TokenVariant = (typeof TOKEN_VARIANTS)[number];

export function isTokenVariant(name: string): name is TokenVariant {
  return (TOKEN_VARIANTS as readonly string[]).includes(name);
}

export function findTokens(text: string): string[] {
  return [...text.matchAll(TOKEN_PATTERN)].map((m) => m[1] ?? '');
}

export type TextPart = { text: string } | { token: string; variant?: TokenVariant };

/** Splits a text into literal runs and token ids (with their variant), in order. */
export function splitTokens(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index) });
    const variant = m[2];
    parts.push({ token: m[1] ?? '', ...(variant && isTokenVariant(variant) ? { variant } : {}) });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
