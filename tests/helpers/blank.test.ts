/** The blank-page measure counts empty space, not the gaps between lines of type. */
import { describe, expect, test } from 'vitest';
import { A4_REPORT, blankShare, readPgm } from './blank.js';

/** An A4 page at 50 dpi (413 × 585 px), white, with black rows where `ink(y)` says. */
function page(ink: (y: number) => boolean): Buffer {
  const [width, height] = [413, 585];
  const header = Buffer.from(`P5\n# made by a test\n${width} ${height}\n255\n`, 'latin1');
  const pixels = Buffer.alloc(width * height, 255);
  for (let y = 0; y < height; y++) if (ink(y)) pixels.fill(0, y * width + 100, y * width + 300);
  return Buffer.concat([header, pixels]);
}

const top = Math.round((A4_REPORT.top / 297) * 585);
const bottom = 585 - Math.round((A4_REPORT.bottom / 297) * 585);

describe('blankShare', () => {
  test('reads a binary PGM with a comment in its header', () => {
    const image = readPgm(page(() => false));
    expect([image.width, image.height, image.pixels.length]).toEqual([413, 585, 413 * 585]);
  });

  test('a page of text lines (4 px of ink, 4 px apart) is not blank', () => {
    expect(blankShare(readPgm(page((y) => y % 8 < 4)))).toBe(0);
  });

  test('a page filled to half its content box is half blank', () => {
    const half = top + (bottom - top) / 2;
    const share = blankShare(readPgm(page((y) => y < half && y % 8 < 4)));
    expect(share).toBeGreaterThan(0.48);
    expect(share).toBeLessThan(0.52);
  });

  test('an empty page is all blank; ink in the margins does not count', () => {
    expect(blankShare(readPgm(page(() => false)))).toBe(1);
    expect(blankShare(readPgm(page((y) => y < top || y >= bottom)))).toBe(1);
  });
});
