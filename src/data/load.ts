/**
 * Stage 1, load: read a week's YAML file into a plain value, keeping the parsed document so that
 * later stages can point at the line and column of any data path.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';
import { InvalidInputError, type Problem } from '../errors.js';
import { formatPath } from './paths.js';
import { readParsedWeek, writeParsedWeek } from './week-cache.js';

const require = createRequire(import.meta.url);
/** yaml, loaded on first use: a week the cache answers never needs it (~55 ms of a cold start). */
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => {
  yamlModule ??= require('yaml') as typeof import('yaml');
  return yamlModule;
};

/** How the weeks were loaded since the process started (tests check which path ran). */
const stats = { parsed: 0, fromCache: 0 };
export function loadStats(): { parsed: number; fromCache: number } {
  return { ...stats };
}

export interface LoadedWeek {
  file: string;
  /** The parsed value, not yet validated. */
  data: unknown;
  /** Line and column (1-based) of a data path, or of its nearest existing ancestor. */
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
  /**
   * Decimals a number was written with where YAML would lose them (`2.10` parses as 2.1), by
   * data path (`fundFlows.byCategory[3].figure.value` → 2): the report prints what was written.
   */
  writtenDecimals: ReadonlyMap<string, number>;
}

export interface LoadOptions {
  /** Keep the parsed week here, and take it from here when the text is unchanged. */
  cacheDir?: string | undefined;
}

export async function loadWeek(file: string, options: LoadOptions = {}): Promise<LoadedWeek> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const found =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : String(code);
    throw new InvalidInputError(
      `Could not read week data (${file})`,
      [{ file, path: '', expected: 'a readable YAML file', found }],
      { cause },
    );
  }
  const { cacheDir } = options;
  const cached = cacheDir ? await readParsedWeek(cacheDir, text) : undefined;
  if (cached) {
    stats.fromCache += 1;
    // Positions only matter for a week that fails validation: it is parsed again for them.
    let parsed: LoadedWeek | undefined;
    const locate: LoadedWeek['locate'] = (path) => {
      parsed ??= parseWeekText(text, file);
      return parsed.locate(path);
    };
    return { file, ...cached, locate };
  }
  const loaded = parseWeekText(text, file);
  if (cacheDir) await writeParsedWeek(cacheDir, text, loaded);
  return loaded;
}

export function parseWeekText(text: string, file: string): LoadedWeek {
  const fileProblem = (p: Omit<Problem, 'file' | 'path'>): never => {
    throw new InvalidInputError(`Could not load week data (${file})`, [{ file, path: '', ...p }]);
  };
  if (text.trim() === '')
    fileProblem({ expected: 'a YAML mapping with the week data', found: 'an empty file' });

  stats.parsed += 1;
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new InvalidInputError(
      `Could not parse week data (${file})`,
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          file,
          path: '',
          line: pos.line,
          column: pos.col,
          expected: 'valid YAML',
          found: e.message.split('\n')[0] ?? e.code,
        };
      }),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    fileProblem({
      expected: 'a YAML mapping (meta:, sources:, companies:, ...) at the top level',
      found: Array.isArray(data) ? 'a list' : data === null ? 'nothing' : `a ${typeof data}`,
      line: 1,
      column: 1,
    });
  }
  return {
    file,
    data,
    locate: (path) => locateIn(doc, lineCounter, path),
    writtenDecimals: trailingZeroDecimals(doc),
  };
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
): { line: number; column: number } | undefined {
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
