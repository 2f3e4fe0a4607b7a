/**
 * The engine keeps compiled runtimes between renders, with the texts that carry figures bound to
 * signals; what it draws must not depend on what it drew before, nor on that binding.
 */
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { addAccessibleText } from '../../src/charts/accessible.js';
import { engineCompiles, renderUncached, resetEngine } from '../../src/charts/engine.js';
import { registerChartExpressions } from '../../src/charts/expressions.js';
import { describeSpec, type Json, localizeSpec } from '../../src/charts/localize.js';
import { prepareSpec } from '../../src/charts/render.js';
import { planCharts, renderCharts } from '../../src/charts/report.js';
import { installTextMetrics } from '../../src/charts/text-metrics.js';
import type { Week } from '../../src/data/schema.js';
import { projectTranslator } from '../../src/i18n/index.js';
import { deriveMetrics } from '../../src/metrics/derive.js';
import { loadFixture } from './fixture.js';

function otherWeek(week: Week): Week {
  const other = structuredClone(week);
  const capex = other.companies[0]?.capex['2026'];
  if (capex && 'value' in capex) capex.value = 310;
  const flow = other.fundFlows.byCategory[0];
  if (flow) flow.figure.value = -55.5;
  return other;
}

async function svgs(week: Week): Promise<string[]> {
  const charts = await renderCharts({ week, metrics: deriveMetrics(week), locale: 'en' });
  return charts.map((c) => c.svg);
}

describe('the chart engine reuses compiled runtimes without carrying state between renders', () => {
  it('renders week B after week A exactly as a fresh engine renders B', async () => {
    const { week } = loadFixture();
    const b = otherWeek(week);
    resetEngine();
    await svgs(week);
    const afterA = await svgs(b);
    resetEngine();
    const fresh = await svgs(b);
    expect(afterA).toEqual(fresh);
    expect(afterA).not.toEqual(await svgs(week)); // the data really changed the drawing
  });

  it('compiles a chart once: a changed figure in its rows, subtitle or description is only set', async () => {
    const { week } = loadFixture();
    const b = otherWeek(week);
    resetEngine();
    const a = await svgs(week);
    const compiled = engineCompiles();
    expect(compiled).toBe(a.length);
    const afterA = await svgs(b);
    // Amazon's plan is in the cash chart's subtitle (capex ÷ cash flow) and its description.
    const cash = afterA.findIndex((svg) => svg.includes('amazon-capex-vs-cash'));
    expect(afterA[cash]).not.toEqual(a[cash]);
    expect(engineCompiles()).toBe(compiled);
  });

  it('draws the title and subtitle bound to signals exactly as the texts written in the spec', async () => {
    const { week } = loadFixture();
    const metrics = deriveMetrics(week);
    for (const locale of ['zh-TW', 'en'] as const) {
      const t = await projectTranslator(locale);
      const plans = planCharts({ week, metrics, locale, t });
      expect(plans.length).toBeGreaterThan(2);
      for (const plan of plans) {
        const file = `templates/charts/${plan.template}.vl.json`;
        const template = JSON.parse(readFileSync(file, 'utf8')) as Json;
        const input = { name: plan.id, locale, data: plan.data };
        const prepared = prepareSpec(localizeSpec(template, t, plan.vars), input);
        const ours = await renderUncached(prepared, input);
        // The plain way: Vega-Lite → Vega → a view, the texts as they are in the spec.
        installTextMetrics();
        registerChartExpressions();
        const spec = compile(prepared as unknown as TopLevelSpec).spec;
        const view = new vega.View(vega.parse(spec), { renderer: 'none' });
        const plain = addAccessibleText(await view.toSVG(), {
          id: `${plan.id}-${locale}`,
          ...describeSpec(prepared, plan.id),
        });
        view.finalize();
        expect(ours, `${plan.id} ${locale}`).toBe(plain);
      }
    }
  });
});
