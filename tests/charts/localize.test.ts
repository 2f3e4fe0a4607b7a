import { describe, expect, it } from 'vitest';
import { addAccessibleText } from '../../src/charts/accessible.js';
import { describeSpec, hasMarkers, localizeSpec } from '../../src/charts/localize.js';
import { projectTranslator } from '../../src/i18n/index.js';

describe('localizeSpec', () => {
  it('replaces $t markers by locale strings and $v markers by values, anywhere in the spec', async () => {
    const t = await projectTranslator('en');
    const spec = {
      title: { text: { $t: 'charts.capexByCompany.plan' }, subtitle: { $v: 'source' } },
      encoding: { color: { scale: { domain: [{ $t: 'charts.flows.inflow' }, 'kept'] } } },
      data: { values: [{ $t: 'not a marker', extra: 1 }] },
    };
    const localized = localizeSpec(spec, t, { planYear: '2026', source: 'Source: Deriv' });
    expect(localized).toEqual({
      title: { text: '2026 plan', subtitle: 'Source: Deriv' },
      encoding: { color: { scale: { domain: ['Net inflow', 'kept'] } } },
      data: { values: [{ $t: 'not a marker', extra: 1 }] },
    });
    expect(hasMarkers(spec)).toBe(true);
    expect(hasMarkers(localized)).toBe(false);
  });

  it('fails on a value the builder did not provide', async () => {
    const t = await projectTranslator('zh-TW');
    expect(() => localizeSpec({ title: { $v: 'source' } }, t)).toThrow(
      'Missing chart value "source"',
    );
  });

  it('reads the title and description a spec states', () => {
    expect(describeSpec({ title: { text: ['Two', 'lines'] }, description: 'D' })).toEqual({
      title: 'Two lines',
      description: 'D',
    });
    expect(describeSpec({ title: 'T' })).toEqual({ title: 'T', description: 'T' });
  });
});

describe('addAccessibleText', () => {
  it('puts an escaped <title> and <desc> first inside <svg> and labels the image with them', () => {
    const svg = addAccessibleText('<svg width="1"><rect/></svg>', {
      id: 'flows a&b',
      title: 'Flows <week> & "more"',
      description: 'In & out',
    });
    expect(svg).toBe(
      '<svg width="1" role="img" aria-labelledby="chart-flows-a-b-title chart-flows-a-b-desc">' +
        '<title id="chart-flows-a-b-title">Flows &lt;week&gt; &amp; &quot;more&quot;</title>' +
        '<desc id="chart-flows-a-b-desc">In &amp; out</desc><rect/></svg>',
    );
  });
});
