/**
 * `archive rebuild W vN`: renders a version again from its stored inputs and says whether the
 * PDFs come out byte-identical; when not, which of the versions it recorded differs now (the
 * tool, the browser, the fonts, Node).
 */
import { buildReport } from '../build.js';
import type { Cache } from '../cache/index.js';
import { LOCALES, type Locale } from '../data/schema.js';
import { textOf } from '../inputs/files.js';
import { inputSetOf } from '../inputs/load.js';
import type { Manifest } from '../output/manifest.js';
import type { BrowserLease } from '../pdf/lease.js';
import type { PaperSize } from '../render/page-css.js';
import { builtWeekOf } from './built.js';
import { readVersionFiles } from './files.js';
import type { BuildVersions } from './types.js';

export interface RebuildOptions {
  root: string;
  week: string;
  version?: number;
  browser?: BrowserLease | undefined;
  cache?: Cache | undefined;
}

export interface RebuildResult {
  week: string;
  version: number;
  identical: boolean;
  pdfs: { locale: Locale; identical: boolean; archived: string; rebuilt: string }[];
  /** What the version recorded against what this rebuild ran with, where they differ. */
  differences: { what: keyof BuildVersions; recorded: string; now: string }[];
}

export async function rebuildVersion(options: RebuildOptions): Promise<RebuildResult> {
  const stored = await readVersionFiles(options.root, options.week, options.version);
  const manifestFile = stored.outputs.find((f) => f.name === 'manifest.json');
  const built = manifestFile ? (JSON.parse(textOf(manifestFile)) as Manifest) : undefined;
  const locales = LOCALES.filter((l) => stored.outputs.some((f) => f.name === `report.${l}.pdf`));
  const result = await buildReport({
    inputs: inputSetOf(stored.inputs),
    locales,
    paper: (built?.paper ?? 'A4') as PaperSize,
    browser: options.browser,
    cache: options.cache,
  });
  const pdfs = locales.map((locale) => {
    const name = `report.${locale}.pdf`;
    const archived = stored.outputs.find((f) => f.name === name)?.sha256 ?? '';
    const rebuilt = result.artifacts.find((a) => a.name === name)?.sha256 ?? '';
    return { locale, identical: archived === rebuilt, archived, rebuilt };
  });
  const recorded = stored.record;
  const now = builtWeekOf(result).versions;
  const then: BuildVersions = {
    tool: recorded.tool,
    node: recorded.node,
    browser: recorded.browser,
    fonts: built?.fonts ?? {},
  };
  return {
    week: options.week,
    version: recorded.version,
    identical: pdfs.every((p) => p.identical),
    pdfs,
    differences: compareVersions(then, now),
  };
}

function compareVersions(then: BuildVersions, now: BuildVersions): RebuildResult['differences'] {
  const out: RebuildResult['differences'] = [];
  for (const what of ['tool', 'browser', 'node'] as const) {
    if (then[what] !== now[what]) {
      out.push({ what, recorded: String(then[what]), now: String(now[what]) });
    }
  }
  const fonts = (v: BuildVersions) => JSON.stringify(v.fonts);
  if (fonts(then) !== fonts(now))
    out.push({ what: 'fonts', recorded: fonts(then), now: fonts(now) });
  return out;
}
