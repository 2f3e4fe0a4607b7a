/**
 * Which characters the bundled fonts can print, read from the fonts' own character maps (fontkit),
 * so that `validate` refuses a character the report would print as a blank before anything is
 * rendered. Every weight of a family has the same character map (checked in the tests), so the
 * regular faces stand for all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { EnvironmentError } from '../errors.js';
import { msg } from '../messages/index.js';
import { FONT_FACES } from './files.js';

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const require = createRequire(import.meta.url);

/** Whitespace and invisible format characters need no glyph (as subset.ts). */
const NEEDS_NO_GLYPH = /[\p{Cc}\p{Cf}\p{Z}]/u;

let regularFaces: FontkitFont[] | undefined;

function fonts(): FontkitFont[] {
  regularFaces ??= FONT_FACES.filter((face) => face.weight === 400).map((face) => {
    let bytes: Buffer;
    try {
      bytes = readFileSync(face.file);
    } catch (cause) {
      throw new EnvironmentError(msg.fonts.couldNotRead(face.family, face.weight, face.file), {
        cause,
      });
    }
    // fontkit ships no types; loaded on first use (~0.2 s), as in subset.ts.
    return (require('fontkit') as { create(b: Buffer): FontkitFont }).create(bytes);
  });
  return regularFaces;
}

/** The characters of `text` that no bundled font has, once each, in order of appearance. */
export function findUncovered(text: string): string[] {
  return [...new Set(text)].filter((char) => {
    if (NEEDS_NO_GLYPH.test(char)) return false;
    const code = char.codePointAt(0) ?? 0;
    return !fonts().some((font) => font.hasGlyphForCodePoint(code));
  });
}
