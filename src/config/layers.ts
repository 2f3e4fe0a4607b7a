/**
 * Settings come in layers (the config file, the environment, the flags; the defaults sit under
 * them in the schema). Each layer is a partial settings tree, already checked, with its paths
 * made absolute, and knows where each of its values came from.
 */
import path from 'node:path';
import type { Problem } from '../errors.js';
import { formatPath } from '../io/paths.js';
import { problemsFromIssues, valueAt } from '../io/zod-problems.js';
import { configSchema, PATH_SETTINGS } from './schema.js';

export type Origin =
  | { kind: 'default' }
  | { kind: 'file'; file: string; line?: number }
  | { kind: 'env'; name: string }
  | { kind: 'flag'; name: string };

/** As `git config --show-origin` writes it: `default`, `file x.yaml:12`, `env NAME`, `flag --out`. */
export function formatOrigin(origin: Origin): string {
  switch (origin.kind) {
    case 'default':
      return 'default';
    case 'file':
      return `file ${origin.file}${origin.line === undefined ? '' : `:${origin.line}`}`;
    case 'env':
      return `env ${origin.name}`;
    case 'flag':
      return `flag ${origin.name}`;
  }
}

export type Keys = readonly (string | number)[];
export type Tree = Record<string, unknown>;

export interface Layer {
  settings: Tree;
  /** Where the value at `keys` (one this layer holds) came from. */
  originOf(keys: Keys): Origin;
}

const isPlainObject = (value: unknown): value is Tree =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Sets `value` at `keys`, creating the mappings on the way. */
export function setAt(tree: Tree, keys: Keys, value: unknown): void {
  let node = tree;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Tree;
  }
  node[String(keys.at(-1))] = value;
}

/** Every path setting the tree holds, as an absolute path read from `base`. */
export function resolvePathSettings<T extends object>(tree: T, base: string): T {
  for (const dotted of PATH_SETTINGS) {
    const keys = dotted.split('.');
    const value = valueAt(tree, keys);
    if (typeof value === 'string') setAt(tree as Tree, keys, path.resolve(base, value));
  }
  return tree;
}

/** The one merge: later layers win; mappings merge key by key, lists and values are replaced. */
export function mergeSettings(layers: readonly Tree[]): Tree {
  const merged: Tree = {};
  for (const layer of layers) mergeInto(merged, layer);
  return merged;
}

function mergeInto(target: Tree, source: Tree): void {
  for (const [key, value] of Object.entries(source)) {
    if (value === undefined) continue;
    if (isPlainObject(value)) {
      if (!isPlainObject(target[key])) target[key] = {};
      mergeInto(target[key] as Tree, value);
    } else {
      target[key] = Array.isArray(value) ? [...value] : value;
    }
  }
}

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/**
 * The leaf settings of a tree: values, and lists of values (a list of mappings, such as the
 * analysts, is walked item by item).
 */
export function leavesOf(value: unknown, prefix: Keys = []): [Keys, unknown][] {
  if (Array.isArray(value) && !value.every(isScalar)) {
    return value.flatMap((item, i) => leavesOf(item, [...prefix, i]));
  }
  if (isPlainObject(value)) {
    return Object.entries(value).flatMap(([key, child]) => leavesOf(child, [...prefix, key]));
  }
  return value === undefined ? [] : [[prefix, value]];
}

/** For each leaf of the effective settings, the highest layer that set it, else the default. */
export function originsOf(effective: object, layers: readonly Layer[]): Map<string, Origin> {
  const origins = new Map<string, Origin>();
  for (const [keys] of leavesOf(effective)) {
    const layer = layers.findLast((l) => valueAt(l.settings, keys) !== undefined);
    origins.set(formatPath(keys), layer ? layer.originOf(keys) : { kind: 'default' });
  }
  return origins;
}

/** One value a variable or an option sets, and where it came from. */
export interface Entry {
  keys: Keys;
  value: unknown;
  origin: Origin;
}

/**
 * A layer of single values (the environment's, the flags'), checked against the schema: the
 * problems name the entry's origin in place of a file.
 */
export function layerOfEntries(
  entries: readonly Entry[],
  base: string,
  where: (origin: Origin) => string,
): { layer: Layer; problems: Problem[] } {
  const settings: Tree = {};
  for (const { keys, value } of entries) setAt(settings, keys, value);
  const originAt = (dotted: string): Origin =>
    entries.find(({ keys }) => isWithin(dotted, formatPath(keys)))?.origin ?? { kind: 'default' };
  const parsed = configSchema.safeParse(settings);
  const problems = parsed.success
    ? []
    : problemsFromIssues(parsed.error.issues, { file: '', data: settings }).map((p) => ({
        ...p,
        file: where(originAt(p.path)),
      }));
  const layer = {
    settings: resolvePathSettings(settings, base),
    originOf: (keys: Keys) => originAt(formatPath(keys)),
  };
  return { layer, problems };
}

/** Whether the data path `dotted` is `setting` or inside it (`a.b[0]` is inside `a.b`). */
const isWithin = (dotted: string, setting: string) =>
  dotted === setting || dotted.startsWith(`${setting}.`) || dotted.startsWith(`${setting}[`);
