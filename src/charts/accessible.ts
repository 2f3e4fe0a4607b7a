/**
 * Vega's SVG string carries no accessible name (its `description` only becomes an aria-label in
 * the browser view). A chart embedded in the report gets a <title> and <desc> in the report's
 * language as the first children of <svg>, which screen readers and PDF tagging both read.
 */

export interface ChartText {
  /** Unique within the report; the element ids derive from it. */
  id: string;
  title: string;
  description: string;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Element ids must be unique in the HTML page that inlines several charts. */
function elementId(id: string): string {
  return `chart-${id.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/**
 * Vega names a gradient from a counter shared by the whole process ("gradient_7"), so the same
 * chart would come out with other ids after other charts, and two charts inlined in one page
 * could both define "gradient_0". The ids are renamed after the chart, in order of appearance.
 */
export function stableGradientIds(svg: string, id: string): string {
  const names = new Map<string, string>();
  return svg.replace(/\bgradient_\d+\b/g, (found) => {
    let name = names.get(found);
    if (!name) {
      name = `${elementId(id)}-gradient-${names.size + 1}`;
      names.set(found, name);
    }
    return name;
  });
}

/**
 * The SVG with role="img", aria-labelledby and <title>/<desc> right after the opening tag (and
 * its gradients named after the chart: stableGradientIds).
 */
export function addAccessibleText(drawn: string, text: ChartText): string {
  const svg = stableGradientIds(drawn, text.id);
  const open = /^<svg\b[^>]*>/.exec(svg);
  if (!open) throw new Error('expected the SVG to start with an <svg> element');
  const base = elementId(text.id);
  const attributes = ` role="img" aria-labelledby="${base}-title ${base}-desc"`;
  const tag = open[0].replace(/>$/, `${attributes}>`);
  const children =
    `<title id="${base}-title">${escapeXml(text.title)}</title>` +
    `<desc id="${base}-desc">${escapeXml(text.description)}</desc>`;
  return tag + children + svg.slice(open[0].length);
}
