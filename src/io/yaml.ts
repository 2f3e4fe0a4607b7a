/**
 * YAML files read for people: the parsed value, plus where every data path sits in the file, so
 * that any later check can point at a line and column. The week file, the config file and the
 * client list all come through here; a file YAML cannot read, an empty one and an alias bomb are
 * invalid input, located.
 */
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import { InvalidInputError, type Problem } from '../errors.js';
import { msg } from '../messages/index.js';
import { formatPath, parsePath } from './paths.js';

const require = createRequire(import.meta.url);
/** yaml, loaded on first use: a week the cache answers never needs it (~55 ms of a cold start). */
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
};

/** Aliases a file may expand: far above any real file, far below a "billion laughs". */
export const MAX_ALIASES = 100;

export type Position = { line: number; column: number };

export interface YamlFile {
  file: string;
  /** The parsed value: a mapping (anything else is refused). */
  data: Record<string, unknown>;
  /** Line and column (1-based) of a data path, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): Position | undefined;
  /**
   * Decimals a number was written with where YAML would lose them (`2.10` parses as 2.1), by
   * data path (`fundFlows.byCategory[3].figure.value` → 2).
   */
  writtenDecimals: ReadonlyMap<string, number>;
}

export interface YamlKind {
  /** The file's role in messages: "week data", "config", "client list". */
  what: string;
  /** Its first keys, shown when the top level is not a mapping: "meta:, sources:, ...". */
  example: string;
}

/**
 * Parses `text` (the contents of `file`). Throws InvalidInputError with every syntax problem
 * located.
 */
export function parseYamlFile(text: string, file: string, { what, example }: YamlKind): YamlFile {
  const fail = (p: Omit<Problem, 'file' | 'path'>, path = ''): never => {
    throw new InvalidInputError(msg.input.couldNotLoad(what, file), [{ file, path, ...p }]);
  };
  if (text.trim() === '') fail(msg.input.emptyFile(what));

  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InvalidInputError(
      msg.input.couldNotParse(what, file),
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file,
          path: '',
          line: pos.line,
          column: pos.col,
          ...msg.input.yamlSyntax(e.message.split('\n')[0] ?? e.code),
        };
      }),
    );
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (cause) {
    // yaml refuses a document whose aliases would expand past the limit ("billion laughs").
    const alias = firstAlias(doc, lineCounter);
    throw new InvalidInputError(
      msg.input.couldNotLoad(what, file),
      [{ file, path: '', ...alias, ...msg.input.tooManyAliases(MAX_ALIASES) }],
      { cause },
    );
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fail({
      ...msg.input.notAMapping(
        example,
        Array.isArray(data) ? 'a list' : data === null ? 'nothing' : `a ${typeof data}`,
      ),
      line: 1,
      column: 1,
    });
  }
  return {
    file,
    data: data as Record<string, unknown>,
    locate: (path) => locateIn(doc, lineCounter, path),
    writtenDecimals: trailingZeroDecimals(doc),
  };
}

function firstAlias(doc: Document, lineCounter: LineCounter): Partial<Position> {
  const { visit } = yaml();
  let at: Partial<Position> = {};
  visit(doc, {
    Alias(_key, node) {
      if (!node.range) return undefined;
      const { line, col } = lineCounter.linePos(node.range[0]);
      at = { line, column: col };
      return visit.BREAK;
    },
  });
  return at;
}

type Positioned = { range?: [number, number, number] | null };

/**
 * The value's position when the path exists; otherwise the key of its deepest existing ancestor
 * (for `companies[0].returns.revenue.unit` missing: the `revenue:` line).
 */
function locateIn(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
): Position | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let anchor: Positioned | undefined = node as Positioned;
  let found = true;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(key),
      );
      if (!pair) {
        found = false;
        break;
      }
      anchor = pair.key as Positioned;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
      node = node.items[key];
      anchor = node as Positioned;
    } else {
      found = false;
      break;
    }
  }
  if (found && (node as Positioned | null)?.range) anchor = node as Positioned;
  if (!anchor?.range) return undefined;
  const { line, col } = lineCounter.linePos(anchor.range[0]);
  return { line, column: col };
}

function trailingZeroDecimals(doc: Document): Map<string, number> {
  const { isPair, isScalar, isSeq, visit } = yaml();
  const out = new Map<string, number>();
  visit(doc, {
    Scalar(_key, node, path) {
      if (typeof node.value !== 'number' || node.minFractionDigits === undefined) return;
      const keys: (string | number)[] = [];
      for (const [i, ancestor] of path.entries()) {
        if (isPair(ancestor) && isScalar(ancestor.key)) keys.push(String(ancestor.key.value));
        else if (isSeq(ancestor)) keys.push(ancestor.items.indexOf((path[i + 1] ?? node) as never));
      }
      out.set(formatPath(keys), node.minFractionDigits);
    },
  });
  return out;
}

/**
 * Problems with their line and column filled in from the file (a problem that already has a
 * line keeps it).
 */
export function locateProblems(
  file: Pick<YamlFile, 'file' | 'locate'>,
  problems: readonly (Omit<Problem, 'file'> & { file?: string })[],
): Problem[] {
  return problems.map((p) => {
    if (p.line !== undefined) return { ...p, file: p.file ?? file.file };
    const position = file.locate(parsePath(p.path));
    return { ...p, file: p.file ?? file.file, ...(position ?? {}) };
  });
}
