/** "Did you mean …?" for misspelt field names, from the field names the schema knows. */
import type { z } from 'zod';
import { weekSchema } from './schema.js';

function collectKeys(schema: z.core.$ZodType, into: Set<string>, seen: Set<unknown>): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const shape = def.shape as Record<string, z.core.$ZodType> | undefined;
  if (shape) {
    for (const [key, child] of Object.entries(shape)) {
      into.add(key);
      collectKeys(child, into, seen);
    }
  }
  for (const name of ['element', 'innerType', 'valueType', 'in', 'out']) {
    const child = def[name] as z.core.$ZodType | undefined;
    if (child?._zod) collectKeys(child, into, seen);
  }
  const options = def.options as z.core.$ZodType[] | undefined;
  if (Array.isArray(options)) for (const o of options) collectKeys(o, into, seen);
}

let known: string[] | undefined;

export function knownFieldNames(): string[] {
  if (!known) {
    const keys = new Set<string>();
    collectKeys(weekSchema, keys, new Set());
    known = [...keys];
  }
  return known;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min(current + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] ?? 0;
}

export function suggestField(name: string): string | undefined {
  return closestName(name, knownFieldNames());
}

/** The field names any schema knows (the config's, the client list's). */
export function fieldNamesOf(schema: z.core.$ZodType): string[] {
  const keys = new Set<string>();
  collectKeys(schema, keys, new Set());
  return [...keys];
}

/** The name within two edits of `name`, nearest first. */
export function closestName(name: string, names: readonly string[]): string | undefined {
  let best: { key: string; d: number } | undefined;
  for (const key of names) {
    const d = distance(name.toLowerCase(), key.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { key, d };
  }
  return best?.key;
}
