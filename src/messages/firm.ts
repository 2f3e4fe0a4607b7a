/** The firm's identity in the report: the config's `firm` section and its logo, as inputs. */
import type { ProblemText } from '../errors.js';

export const couldNotUseFirm = (file: string) => `Could not use the firm's identity (${file})`;
export const badFirmFile = (found: string): ProblemText => ({
  expected: "the config's firm section as JSON",
  found,
});
export const couldNotUseLogo = (file: string) => `Could not use the logo (${file})`;
export const unsafeSvg = (found: string): ProblemText => ({
  expected: 'an SVG of shapes only: no script, event handler, external reference or embedded page',
  found,
  hint: "export the logo again as plain SVG shapes (an editor's 'optimized SVG'), or use a PNG",
});
export const notAnSvg: ProblemText = {
  expected: 'an SVG file (<svg …>)',
  found: 'no <svg> element',
};
export const notAPng: ProblemText = { expected: 'a PNG file', found: 'no PNG signature' };
export const logoTooLarge = (max: number, found: number): ProblemText => ({
  expected: `a logo of at most ${Math.round(max / 1024)} KB (it is embedded in every PDF page that shows it)`,
  found: `${Math.round(found / 1024)} KB`,
});
export const noLogoInput = (name: string): ProblemText => ({
  expected: `the logo ${name} among the inputs`,
  found: 'no such input',
});
