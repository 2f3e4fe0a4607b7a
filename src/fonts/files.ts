/**
 * The fonts the report uses, shipped as npm packages (never system fonts): Inter for Latin text and
 * figures, Noto Sans TC (TrueType outlines, so Chromium embeds real fonts rather than Type 3) for
 * Traditional Chinese. The page and the charts use the same files.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export type FontWeight = 400 | 600 | 700;

export interface FontFace {
  /** CSS family name, used in both the page CSS and the SVG charts. */
  family: 'Inter' | 'Noto Sans TC';
  weight: FontWeight;
  /** Absolute path of the TTF file inside node_modules. */
  file: string;
}

const WEIGHT_DIRS: Record<FontWeight, string> = {
  400: '400Regular',
  600: '600SemiBold',
  700: '700Bold',
};

function expoFont(pkg: string, prefix: string, weight: FontWeight): string {
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  const dir = WEIGHT_DIRS[weight];
  return path.join(root, dir, `${prefix}_${dir}.ttf`);
}

export const FONT_WEIGHTS: readonly FontWeight[] = [400, 600, 700];

/** Every face, Latin first: the CSS font stack and the chart text measurer fall back in this order. */
export const FONT_FACES: readonly FontFace[] = FONT_WEIGHTS.flatMap((weight) => [
  { family: 'Inter', weight, file: expoFont('@expo-google-fonts/inter', 'Inter', weight) },
  {
    family: 'Noto Sans TC',
    weight,
    file: expoFont('@expo-google-fonts/noto-sans-tc', 'NotoSansTC', weight),
  },
]);

/** The font-family value for both the HTML and the SVG charts. */
export const FONT_STACK = "Inter, 'Noto Sans TC', sans-serif";
