/**
 * One look for every chart: the report's fonts, a colour-blind-safe palette (Okabe & Ito 2008)
 * and sizes that stay legible when a 640 px wide chart is printed across a 170 mm A4 column
 * (1 px ≈ 0.27 mm, so 12 px text prints at about 9 pt).
 */
import type { Config } from 'vega-lite';
import { FONT_STACK } from '../fonts/files.js';

/** Okabe-Ito colours, ordered so that neighbouring series differ in hue and in lightness. */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  green: '#009E73',
  vermillion: '#D55E00',
  sky: '#56B4E9',
  purple: '#CC79A7',
  yellow: '#F0E442',
  grey: '#6B6B6B',
} as const;

const INK = '#1A1A1A';
const MUTED = '#555555';
const RULE = '#D9D9D9';

/** Plot-area size the report's templates use; the page scales the SVG to the column width. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 300;

export const THEME: Config = {
  font: FONT_STACK,
  // The SVG is one image (role="img") named by its <title> and <desc>, which state the numbers in
  // the report's language. Vega's per-mark labels would read raw field names and unformatted
  // values ("億美元: 125" for US$125 billion), so marks and guides stay out of the a11y tree.
  aria: false,
  background: 'white',
  padding: 8,
  view: { stroke: null, continuousWidth: CHART_WIDTH, continuousHeight: CHART_HEIGHT },
  range: {
    category: [
      PALETTE.blue,
      PALETTE.orange,
      PALETTE.green,
      PALETTE.vermillion,
      PALETTE.sky,
      PALETTE.purple,
      PALETTE.yellow,
      PALETTE.grey,
    ],
  },
  title: {
    anchor: 'start',
    aria: false,
    frame: 'bounds',
    fontSize: 15,
    fontWeight: 700,
    color: INK,
    subtitleFontSize: 12,
    subtitleColor: MUTED,
    subtitlePadding: 4,
    offset: 12,
  },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 600,
    labelColor: INK,
    titleColor: MUTED,
    domainColor: MUTED,
    tickColor: MUTED,
    gridColor: RULE,
    labelLimit: 280,
  },
  legend: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 600,
    labelColor: INK,
    titleColor: MUTED,
    labelLimit: 260,
    symbolSize: 120,
    offset: 20,
  },
  header: { labelFontSize: 12, titleFontSize: 12 },
  text: { fontSize: 12, color: INK },
  bar: { continuousBandSize: 18 },
};
