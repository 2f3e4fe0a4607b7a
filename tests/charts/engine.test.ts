/**
 * The engine keeps compiled runtimes and live Vega views between renders; what it draws must not
 * depend on what it drew before.
 */
import { describe, expect, it } from 'vitest';
import { resetEngine } from '../../src/charts/engine.js';
import { clearChartCache } from '../../src/charts/render.js';
import { renderCharts } from '../../src/charts/report.js';
import type { Week } from '../../src/data/schema.js';
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
  clearChartCache();
  const charts = await renderCharts(week, deriveMetrics(week), 'en');
  return charts.map((c) => c.svg);
}

describe('the chart engine reuses views without carrying state between renders', () => {
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
});
