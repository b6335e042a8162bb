import { type Column, type Metadata, MISSING_CODE, SynthkitError, Table } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { qualityReport } from './quality/quality-report.js';

const num = (...v: number[]): Column => ({ type: 'number', values: Float64Array.from(v) });
const cat = (categories: string[], ...codes: number[]): Column => ({
  type: 'categorical',
  categories,
  codes: Int32Array.from(codes),
});
const metadata: Metadata = {
  version: 1,
  columns: { x: { sdtype: 'numerical', representation: 'float' }, c: { sdtype: 'categorical' } },
};
const real = new Table([
  ['x', num(1, 2, 3, 4, 5, 6)],
  ['c', cat(['a', 'b'], 0, 1, 0, 1, 0, 1)],
]);

function error(f: () => unknown): SynthkitError {
  try {
    f();
  } catch (e) {
    if (e instanceof SynthkitError) return e;
    throw e;
  }
  throw new Error('expected a SynthkitError');
}

describe('bad input is an error that names the column, or a NaN with its reason', () => {
  it('a missing synthetic column', () => {
    const e = error(() => qualityReport({ real, synthetic: real.select(['x']), metadata }));
    expect(e.code).toBe('MISSING_COLUMN');
    expect(e.column).toBe('c');
  });

  it('an extra synthetic column', () => {
    const e = error(() =>
      qualityReport({ real, synthetic: real.withColumn('z', num(1, 1, 1, 1, 1, 1)), metadata }),
    );
    expect(e.code).toBe('UNKNOWN_COLUMN');
    expect(e.column).toBe('z');
  });

  it('a column of another type', () => {
    const synthetic = real.withColumn('x', cat(['1', 'two'], 0, 1, 0, 0, 0, 0));
    const e = error(() => qualityReport({ real, synthetic, metadata }));
    expect(e.code).toBe('TYPE_MISMATCH');
    expect(e.column).toBe('x');
    expect(e.row).toBe(2);
  });

  it('numbers written as text are converted, not rejected', () => {
    const synthetic = real.withColumn('x', cat(['1', '2.0', '3', '4', '5', '6'], 0, 1, 2, 3, 4, 5));
    expect(qualityReport({ real, synthetic, metadata }).columnShapes[0]!.score).toBe(1);
  });

  it('zero rows', () => {
    const e = error(() => qualityReport({ real, synthetic: real.slice(0, 0), metadata }));
    expect(e.code).toBe('NO_ROWS');
  });

  it('an all-missing column gives NaN with the reason, and the property mean skips it', () => {
    const synthetic = real.withColumn(
      'x',
      num(Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN),
    );
    const q = qualityReport({ real, synthetic, metadata });
    expect(q.columnShapes[0]!.score).toBeNaN();
    expect(q.columnShapes[0]!.reason).toMatch(/synthetic column has no non-missing value/);
    expect(q.properties.columnShapes).toBe(q.columnShapes[1]!.score);
  });

  it('categories unseen in the real data lower TVComplement and are named in the warnings', async () => {
    const synthetic = real.withColumn('c', cat(['a', 'zzz'], 0, 1, 0, 1, 0, MISSING_CODE));
    const report = await evaluate({ real, synthetic, metadata, metrics: ['quality', 'CategoryAdherence'] });
    // real a,b = ½,½; synthetic (missing dropped) a = 3/5, zzz = 2/5: TV = ½(0.1 + 0.5 + 0.4)
    expect(report.quality!.columnShapes[1]!.score).toBeCloseTo(0.5, 5);
    expect(report.diagnostic[0]!.score).toBeCloseTo(3 / 6, 10);
    expect(report.warnings.join('\n')).toMatch(/unseen in the real data: "zzz"/);
  });

  it('an absent target is an error; a constant target is a NaN with its reason', async () => {
    await expect(
      evaluate({ real, synthetic: real, metadata, target: 'nope', metrics: ['utility'] }),
    ).rejects.toMatchObject({
      code: 'UNKNOWN_COLUMN',
      column: 'nope',
    });
    const constant = real.withColumn('c', cat(['a'], 0, 0, 0, 0, 0, 0));
    const report = await evaluate({
      real: constant,
      synthetic: constant,
      metadata,
      target: 'c',
      metrics: ['LinearUtility'],
    });
    expect(report.utility[0]!.score).toBeNaN();
    expect(report.utility[0]!.reason).toMatch(/single class/);
  });
});
