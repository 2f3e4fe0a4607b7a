/**
 * Reads the texts of a Vega SVG string with where they land: each <text> element's box in the
 * SVG's own coordinates, from the group translations above it, its transform, anchor, font size
 * and weight, and its width measured with the report fonts. Enough for Vega's output (translate
 * and rotate transforms only), not a general SVG parser.
 */
import { measureText } from '../../src/charts/text-metrics.js';

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface PlacedText extends Box {
  text: string;
  fontSize: number;
  fontWeight: string | undefined;
}

const TAG = /<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>|([^<]+)/g;

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

type Step = { kind: 'translate'; x: number; y: number } | { kind: 'rotate'; degrees: number };

function parseTransform(value: string | undefined): Step[] {
  if (!value) return [];
  const steps: Step[] = [];
  for (const match of value.matchAll(/(translate|rotate)\(([^)]*)\)/g)) {
    const args = (match[2] ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (match[1] === 'translate')
      steps.push({ kind: 'translate', x: args[0] ?? 0, y: args[1] ?? 0 });
    else steps.push({ kind: 'rotate', degrees: args[0] ?? 0 });
  }
  return steps;
}

/** Maps a point through transform steps, innermost last (as SVG applies them). */
function apply(steps: readonly Step[], x: number, y: number): [number, number] {
  let px = x;
  let py = y;
  for (const step of [...steps].reverse()) {
    if (step.kind === 'translate') {
      px += step.x;
      py += step.y;
    } else {
      const a = (step.degrees * Math.PI) / 180;
      [px, py] = [px * Math.cos(a) - py * Math.sin(a), px * Math.sin(a) + py * Math.cos(a)];
    }
  }
  return [px, py];
}

export function viewBox(svg: string): Box {
  const [x = 0, y = 0, w = 0, h = 0] = (/viewBox="([^"]+)"/.exec(svg)?.[1] ?? '')
    .split(/\s+/)
    .map(Number);
  return { left: x, top: y, right: x + w, bottom: y + h };
}

/** Every non-empty <text> of the SVG with its box (ascent 0.8 em above the baseline, 0.2 below). */
export function placedTexts(svg: string): PlacedText[] {
  const stack: Step[][] = [];
  const out: PlacedText[] = [];
  // A multi-line Vega text is one <text> with a <tspan> per line, each `dy` below the last.
  let current: { steps: Step[]; attrs: string; lines: { text: string; dy: number }[] } | undefined;
  for (const m of svg.matchAll(TAG)) {
    const [, closing, name, attrs = '', selfClosing, content] = m;
    if (content !== undefined) {
      const line = current?.lines[current.lines.length - 1];
      if (line) line.text += content;
      continue;
    }
    if (name === 'tspan' && !closing && current) {
      const previous = current.lines[current.lines.length - 1];
      const dy = Number.parseFloat(attr(attrs, 'dy') ?? '0');
      if (previous && previous.text === '' && current.lines.length === 1) previous.dy = dy;
      else current.lines.push({ text: '', dy: (previous?.dy ?? 0) + dy });
      continue;
    }
    if (name === 'g' && !closing && !selfClosing)
      stack.push(parseTransform(attr(attrs, 'transform')));
    else if (name === 'g' && closing) stack.pop();
    else if (name === 'text' && !closing) {
      const steps = [...stack.flat(), ...parseTransform(attr(attrs, 'transform'))];
      current = { steps, attrs, lines: [{ text: '', dy: 0 }] };
    } else if (name === 'text' && closing && current) {
      for (const line of current.lines) {
        const text = unescapeXml(line.text).trim();
        const steps: Step[] = [...current.steps, { kind: 'translate', x: 0, y: line.dy }];
        if (text) out.push(place(text, steps, current.attrs));
      }
      current = undefined;
    }
  }
  return out;
}

function place(text: string, steps: Step[], attrs: string): PlacedText {
  const fontSize = Number.parseFloat(attr(attrs, 'font-size') ?? '11');
  const fontWeight = attr(attrs, 'font-weight');
  const width = measureText(text, { fontSize, fontWeight });
  const anchor = attr(attrs, 'text-anchor') ?? 'start';
  const x0 = anchor === 'middle' ? -width / 2 : anchor === 'end' ? -width : 0;
  const corners = [
    apply(steps, x0, -0.8 * fontSize),
    apply(steps, x0 + width, -0.8 * fontSize),
    apply(steps, x0, 0.2 * fontSize),
    apply(steps, x0 + width, 0.2 * fontSize),
  ];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return {
    text,
    fontSize,
    fontWeight,
    left: Math.min(...xs),
    right: Math.max(...xs),
    top: Math.min(...ys),
    bottom: Math.max(...ys),
  };
}

export function overlaps(a: Box, b: Box, tolerance = 0.5): boolean {
  return (
    a.left < b.right - tolerance &&
    b.left < a.right - tolerance &&
    a.top < b.bottom - tolerance &&
    b.top < a.bottom - tolerance
  );
}
