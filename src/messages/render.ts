/** Rendering the HTML pages: templates, the view, blanks. */
import type { ProblemText } from '../errors.js';

export const couldNotCompile = (file: string) => `Could not compile template (${file})`;
export const templateSyntax = (found: string): ProblemText => ({
  expected: 'a template Handlebars can parse',
  found,
});
export const couldNotRender = (file: string) => `Could not render template (${file})`;
export const missingValue = (name: string): ProblemText => ({
  expected: `a value for "${name}" in the report view`,
  found: 'nothing (missing from the view)',
});
export const renderFailed = (found: string): ProblemText => ({
  expected: 'a template that renders',
  found,
});
export const precompileFailed = 'Handlebars.precompile returned code that does not evaluate';
export const couldNotRenderPage = (locale: string) => `Could not render the ${locale} report`;
export const blank = (found: string): ProblemText => ({
  expected: 'every cell and value filled',
  found,
});
export const blanks = {
  emptyCell: 'an empty table cell',
  undefinedText: '"undefined", "NaN" or "null" in the text',
  objectText: '"[object Object]" in the text',
};
export const noFigure = (id: string) =>
  `No figure with id "${id}" (validation should have caught it)`;
export const noChartSection = (id: string) => `Chart "${id}" has no section in CHART_SECTIONS`;
