import type { Trend, TrendDimension } from './review.types';

/** Flag a rise when it would happen by chance less often than this (one-sided). */
export const SIGNIFICANCE = 0.05;

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the chance of at least k of n complaints falling in the current
 * period if the rate had not changed (p = the current period's share of the combined length).
 */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let term = (1 - p) ** n; // P(X = 0)
  let below = 0;
  for (let x = 0; x < k; x++) {
    below += term;
    term = (term * (n - x) * p) / ((x + 1) * (1 - p));
  }
  return Math.max(0, Math.min(1, 1 - below));
}

export function trend(
  dimension: TrendDimension,
  key: string,
  label: string,
  current: number,
  previous: number,
  currentDays: number,
  previousDays: number,
): Trend {
  const share = currentDays / (currentDays + previousDays);
  const total = current + previous;
  const expected = total * share;
  const pValue = current > expected ? binomialTail(current, total, share) : 1;
  const flagged = total > 0 && pValue < SIGNIFICANCE;
  const percent = (value: number) => `${(value * 100).toFixed(1).replace('.', ',')}%`;
  const explanation =
    total === 0
      ? 'Geen klachten in beide perioden.'
      : `${current} nu tegen ${previous} in de vorige periode. Bij een gelijkblijvend aantal zouden er van deze ${total} ongeveer ` +
        `${expected.toFixed(1).replace('.', ',')} in deze periode vallen; ${current} of meer gebeurt toevallig met kans ${percent(pValue)} ` +
        `(eenzijdige binomiale toets)` +
        (flagged
          ? `, onder ${SIGNIFICANCE * 100}%: een stijging die niet op toeval lijkt.`
          : `, niet onder ${SIGNIFICANCE * 100}%: binnen wat toeval kan verklaren.`);
  return { dimension, key, label, current, previous, expected, pValue, flagged, explanation };
}
