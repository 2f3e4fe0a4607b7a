/** What every chart-data builder reads, and what it hands to the renderer. */
import type { Kind, Locale, Qualifier, Week } from '../../data/schema.js';
import type { Translate } from '../../i18n/index.js';
import type { Metrics } from '../../metrics/types.js';
import type { ChartVars } from '../localize.js';
import type { ChartData } from '../types.js';

export interface ChartContext {
  week: Week;
  metrics: Metrics;
  locale: Locale;
  t: Translate;
}

/** One chart of the report, ready to render: its template, bound data and string values. */
export interface ChartPlan {
  /** Chart id, also the template's base name: `templates/charts/<id>.vl.json`. */
  id: string;
  template: string;
  data: ChartData;
  /** Values for the spec's `$t` strings and `$v` markers; `source` is printed under the chart. */
  vars: ChartVars & { source: string };
  /** The sources of what it draws, by id. */
  sourceIds: string[];
  /** Ids of the figures it draws (the page prints each in one table or chart only). */
  figures: string[];
}

/** The figure fields a chart label needs; the spec formats them with the report's functions. */
export function figureFields(
  figure:
    | {
        value: number;
        kind: Kind;
        qualifier?: Qualifier | undefined;
        estimate?: boolean;
        decimals?: number | undefined;
      }
    | undefined,
) {
  return {
    value: figure?.value ?? null,
    decimals: figure?.decimals ?? null,
    kind: figure?.kind ?? null,
    qualifier: figure?.qualifier ?? null,
    estimate: figure?.estimate ?? false,
  };
}

/** The ids of some sources, each once, in the order of the sources list. */
export function sourcesInOrder(ctx: ChartContext, sourceIds: Iterable<string>): string[] {
  const wanted = new Set(sourceIds);
  return ctx.week.sources.filter((s) => wanted.has(s.id)).map((s) => s.id);
}

/** "Source: CMoney, Deriv" / "資料來源：CMoney、Deriv": the publishers of some sources, in data order. */
export function sourceLine(ctx: ChartContext, sourceIds: Iterable<string>): string {
  const wanted = new Set(sourceIds);
  const names = ctx.week.sources.filter((s) => wanted.has(s.id)).map((s) => s.publisher);
  return ctx.t('charts.common.source', {
    sources: names.join(ctx.t('charts.common.listSeparator')),
  });
}
