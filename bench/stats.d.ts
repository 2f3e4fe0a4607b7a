/** Types of bench/stats.js, for the tests that check it (the bench itself is plain JavaScript). */
export interface Summary {
  median: number;
  min: number;
  max: number;
  n: number;
}
export interface MedianInterval {
  low: number;
  high: number;
  coverage: number;
}
export type Target = { max: number } | { min: number };

export function median(values: readonly number[]): number;
export function summarize(values: readonly number[]): Summary;
export function unionMs(intervals: readonly (readonly [number, number])[]): number;
export function medianInterval(values: readonly number[], level?: number): MedianInterval | null;
export function meets(target: Target, value: number): boolean;
export function intervalVerdict(
  interval: MedianInterval | null,
  target: Target,
): 'met' | 'missed' | 'unclear' | null;
export function round(value: number, digits?: number): number;
