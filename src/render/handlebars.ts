/**
 * Handlebars' runtime: what running a precompiled template needs (`create`, `template`,
 * `SafeString`, `escapeExpression`), without the parser and compiler, which load only when a
 * template is not already precompiled (see precompiled.ts). Its classes are the full package's
 * own (one CommonJS copy), so a `SafeString` made here is one to either.
 */
import Handlebars from 'handlebars/runtime.js';

export default Handlebars;
