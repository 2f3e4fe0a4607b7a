/** The client list (`data/clients.yaml`): who the reports are sent to. */
import type { ProblemText } from '../errors.js';

const problems = (count: number) => (count === 1 ? '1 problem' : `${count} problems`);

export const what = 'client list';
export const example = 'clients:';
export const invalidFile = (file: string, count: number) =>
  `Invalid client list (${file}): ${problems(count)}`;

// Expectations, used as zod messages by the schema (the problem's "expected").
export const clientId =
  'a client id of lower-case letters, digits and inner hyphens (at most 64), e.g. acme-capital';
export const nonEmpty = 'a non-empty text';
export const tag = 'a tag of letters, digits, "-" and "_" (at most 40), e.g. institutional';

// Problems.
export const duplicateId = (first: string): ProblemText => ({
  expected: 'a client id used once in the list',
  found: `the same id as ${first}`,
  hint: 'each client needs its own id: the delivery log records who received what by it',
});
export const duplicateAddress = (first: string): ProblemText => ({
  expected: 'an address used by one client only (compared without regard to case)',
  found: `the same address as ${first}`,
  hint: 'a person listed twice would receive every report twice; keep one entry',
});
export const ccRepeatsAddress = (first: string): ProblemText => ({
  expected: 'a cc address different from the client’s own addresses',
  found: `the same address as ${first}`,
});
