import { binomialTail, trend } from '../../api/src/review/trends';
import { TrendDimension } from '../../api/src/review/review.types';

describe('the test for a rise beyond chance', () => {
  it.each([
    // P(X ≥ k), X ~ Binomial(n, p), worked out by hand
    [3, 4, 0.5, 5 / 16],
    [8, 8, 0.5, 1 / 256],
    [6, 10, 0.5, 386 / 1024],
    [0, 5, 0.5, 1],
    [6, 5, 0.5, 0],
    [2, 2, 0.25, 1 / 16],
  ])('P(X ≥ %i | n = %i, p = %f) = %f', (k, n, p, expected) => {
    expect(binomialTail(k, n, p)).toBeCloseTo(expected, 12);
  });

  it('flags 8 now against 0 before, explains why, and leaves 3 against 1 alone', () => {
    const rise = trend(TrendDimension.CATEGORY, 'bejegening', 'Bejegening', 8, 0, 181, 181);
    expect(rise).toMatchObject({ expected: 4, flagged: true });
    expect(rise.pValue).toBeCloseTo(1 / 256, 12);
    expect(rise.explanation).toContain('kans 0,4%');
    expect(rise.explanation).toContain('een stijging die niet op toeval lijkt');
    expect(trend(TrendDimension.UNIT, 'NOORD', 'Noord', 3, 1, 181, 181)).toMatchObject({ flagged: false, pValue: 5 / 16 });
  });

  it('weighs periods of unequal length', () => {
    // 2 in 1 day against 2 in 3 days: p = 1/4; P(X ≥ 2 | n = 4) = 1 − (3/4)^4 − 4·(1/4)(3/4)^3 = 67/256
    expect(trend(TrendDimension.UNIT, 'X', 'X', 2, 2, 1, 3).pValue).toBeCloseTo(67 / 256, 12);
  });

  it('never flags a fall', () => {
    expect(trend(TrendDimension.EMPLOYEE, 'id', 'Naam', 1, 9, 181, 181)).toMatchObject({ flagged: false, pValue: 1 });
  });
});
