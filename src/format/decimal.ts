/**
 * Exact decimal arithmetic for rounding. Numbers are rounded on the decimal the data was written
 * as (the shortest round-trip string, so 1.005 stays 1.005 and not 1.00499…), and the same rounded
 * decimal is shifted into 億, billions or 萬 by moving the point, so no language sees a float
 * artefact the other does not.
 */
import { assertFinite } from './errors.js';

/** |value| = coefficient × 10^exponent; the sign is kept apart so −0 never survives rounding. */
export interface Decimal {
  negative: boolean;
  coefficient: bigint;
  exponent: number;
}

export function toDecimal(value: number, what = 'value'): Decimal {
  assertFinite(value, what);
  const [mantissa = '0', exp = '0'] = String(Math.abs(value)).split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  const coefficient = BigInt(int + frac);
  return {
    negative: value < 0 && coefficient !== 0n,
    coefficient,
    exponent: Number(exp) - frac.length,
  };
}

/** The decimal times 10^shift (exact: only the exponent moves). */
export function shiftDecimal(d: Decimal, shift: number): Decimal {
  return { ...d, exponent: d.exponent + shift };
}

/** Rounds half away from zero to a multiple of 10^quantumExp. */
export function roundDecimal(d: Decimal, quantumExp: number): Decimal {
  if (d.exponent >= quantumExp) return d;
  const divisor = 10n ** BigInt(quantumExp - d.exponent);
  let coefficient = d.coefficient / divisor;
  if ((d.coefficient % divisor) * 2n >= divisor) coefficient += 1n;
  return { negative: d.negative && coefficient !== 0n, coefficient, exponent: quantumExp };
}

export function isZero(d: Decimal): boolean {
  return d.coefficient === 0n;
}

/** Whether |d| ≥ 10^power. */
export function reaches(d: Decimal, power: number): boolean {
  if (d.coefficient === 0n) return false;
  const digits = power - d.exponent;
  return digits <= 0 || d.coefficient >= 10n ** BigInt(digits);
}

/** |d| × 10^shift as a plain decimal string ("314.6"), the exact input Intl.NumberFormat takes. */
export function toPlainString(d: Decimal, shift = 0): `${number}` {
  const exponent = d.exponent + shift;
  const digits = d.coefficient.toString();
  if (exponent >= 0) return `${digits}${'0'.repeat(exponent)}` as `${number}`;
  const padded = digits.padStart(1 - exponent, '0');
  const point = padded.length + exponent;
  return `${padded.slice(0, point)}.${padded.slice(point)}` as `${number}`;
}

/** Decimals as written in the data: 31.46 → 2, 200 → 0, 1e-7 → 7. */
export function decimalsOf(value: number): number {
  return precisionOf(toDecimal(value));
}

/** Decimals of an exact decimal once trailing zeros are dropped. */
export function precisionOf(d: Decimal): number {
  let { coefficient, exponent } = d;
  while (coefficient !== 0n && coefficient % 10n === 0n) {
    coefficient /= 10n;
    exponent += 1;
  }
  return Math.max(0, -exponent);
}

/** The same number without trailing zeros in its coefficient: 200 is 2 × 10^2; zero is 0 × 10^0. */
export function stripTrailingZeros(d: Decimal): Decimal {
  let { coefficient, exponent } = d;
  if (coefficient === 0n) return { negative: false, coefficient, exponent: 0 };
  while (coefficient % 10n === 0n) {
    coefficient /= 10n;
    exponent += 1;
  }
  return { negative: d.negative, coefficient, exponent };
}
