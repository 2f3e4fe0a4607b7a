/** zh-TW texts in Traditional Chinese as written in Taiwan (src/data/traditional.ts). */
import type { ProblemText } from '../errors.js';

/** A character OpenCC changes (the catalog's view of src/data/traditional.ts's finding). */
interface NonTaiwanCharacter {
  char: string;
  becomes: string;
  at: number;
  context: string;
}

export const notTaiwanese = (found: readonly NonTaiwanCharacter[]): ProblemText => ({
  expected: 'Traditional Chinese as written in Taiwan',
  found: found.map((f) => `"${f.char}" (OpenCC: "${f.becomes}") in "${f.context}"`).join('; '),
  hint: 'write the form OpenCC gives; 台, 占 and 布 stay as Taiwan writes them',
});
