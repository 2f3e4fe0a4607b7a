/**
 * Chart templates carry no language: every text is a marker `{ "$t": "charts.some.key" }` that is
 * replaced by the locale's string before Vega-Lite sees the spec, or `{ "$v": "name" }` for a
 * value the chart's data builder computed (a source line, a summary). Keeping the markers as
 * objects (not a string prefix) means no real label can be mistaken for a key.
 */

import type { Translate } from '../i18n/index.js';
import { msg } from '../messages/index.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Values i18next may interpolate into chart strings (`{{company}}`, `{{summary}}`); a `$v`
 * marker may also take a list or an object the data builder made (a legend for what is drawn).
 */
export type ChartVars = Readonly<Record<string, Json>>;

type Marker = { $t: string } | { $v: string };

function isMarker(value: object): value is Marker {
  const keys = Object.keys(value);
  const key = keys[0];
  return (
    keys.length === 1 &&
    (key === '$t' || key === '$v') &&
    typeof (value as Record<string, unknown>)[key] === 'string'
  );
}

function resolve(marker: Marker, t: Translate, vars: ChartVars): Json {
  if ('$t' in marker) return t(marker.$t, { ...vars });
  const value = vars[marker.$v];
  if (value === undefined) throw new Error(msg.charts.missingValue(marker.$v));
  return value;
}

/** A copy of `spec` with every `{ "$t": key }` replaced by `t(key, vars)`, `{ "$v": name }` by `vars[name]`. */
export function localizeSpec(spec: Json, t: Translate, vars: ChartVars = {}): Json {
  if (Array.isArray(spec)) return spec.map((item) => localizeSpec(item, t, vars));
  if (spec === null || typeof spec !== 'object') return spec;
  if (isMarker(spec)) return resolve(spec, t, vars);
  return Object.fromEntries(
    Object.entries(spec).map(([key, value]) => [key, localizeSpec(value, t, vars)]),
  );
}

/** True when a spec still holds markers (so it needs a translator and values). */
export function hasMarkers(spec: Json): boolean {
  if (Array.isArray(spec)) return spec.some(hasMarkers);
  if (spec === null || typeof spec !== 'object') return false;
  return isMarker(spec) || Object.values(spec).some(hasMarkers);
}

/** The title and description a spec states (title text, `description`), as the chart's text. */
export function describeSpec(spec: Json, fallback = ''): { title: string; description: string } {
  const top = isObjectJson(spec) ? spec : {};
  const title = textOf(isObjectJson(top.title) ? top.title.text : top.title) ?? fallback;
  return { title, description: textOf(top.description) ?? title };
}

function isObjectJson(value: Json | undefined): value is { [key: string]: Json } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function textOf(value: Json | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(' ');
  return undefined;
}
