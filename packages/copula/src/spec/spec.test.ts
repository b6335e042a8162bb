import { readFileSync } from 'node:fs';
import { type SynthkitError, valueAt } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { mean, pearson } from '../../test/moments.js';
import { fromSpec, generateFromSpec } from './spec-model.js';

const example = JSON.parse(readFileSync(new URL('../../examples/spec.json', import.meta.url), 'utf8'));

const numbers = (t: ReturnType<typeof generateFromSpec>, name: string) => {
  const c = t.column(name);
  return c.type === 'categorical' ? c.codes : c.values;
};
describe('generation from a declared spec', () => {
  const n = 20_000;
  const t = generateFromSpec(example, n, { seed: 1 });

  it('produces a typed core Table with every declared column', () => {
    expect(t.nRows).toBe(n);
    expect(t.names).toEqual(Object.keys(example.columns));
    expect(t.column('age').type).toBe('number');
    expect(t.column('plan').type).toBe('categorical');
    expect(t.column('signup').type).toBe('datetime');
    expect(t.column('active').type).toBe('boolean');
  });

  it('each column follows its distribution', () => {
    const age = numbers(t, 'age');
    expect(mean(age)).toBeCloseTo(41, 0);
    expect(age.every((v) => Number.isInteger(v))).toBe(true);
    const logIncome = Float64Array.from(numbers(t, 'income'), Math.log);
    expect(mean(logIncome)).toBeCloseTo(10.6, 1);
    const score = numbers(t, 'score');
    expect(mean(score)).toBeCloseTo((100 * 2) / 7, 0); // beta(2,5) mean 2/7 on [0, 100]
    expect(Math.min(...score)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...score)).toBeLessThanOrEqual(100);
    expect(mean(numbers(t, 'wait_minutes'))).toBeCloseTo(15, 0); // gamma mean shape·scale
    const kids = numbers(t, 'children');
    expect(new Set(kids)).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(mean(kids)).toBeCloseTo(2, 1);
    const disc = numbers(t, 'discount');
    expect(Math.min(...disc)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...disc)).toBeLessThanOrEqual(0.3);
    const plan = t.column('plan');
    if (plan.type !== 'categorical') throw new Error('plan');
    expect(plan.categories).toEqual(['free', 'pro', 'team']);
    expect(plan.codes.filter((c) => c === 2).length / n).toBeCloseTo(0.08, 2);
    const active = numbers(t, 'active');
    expect(mean(active)).toBeCloseTo(0.8, 1);
  });

  it('datetimes stay in range at the resolution of their format', () => {
    const signup = numbers(t, 'signup');
    const from = Date.UTC(2023, 0, 1);
    const to = Date.UTC(2024, 11, 31);
    for (const v of signup) {
      expect(v >= from && v <= to).toBe(true);
      expect(v % 86_400_000).toBe(0);
    }
    expect(new Set(signup).size).toBeGreaterThan(600); // ~730 days covered
    const login = numbers(t, 'last_login');
    expect(
      login.every(
        (v) => v % 1000 === 0 && v >= Date.UTC(2024, 5, 1) && v <= Date.UTC(2024, 11, 31, 23, 59, 59),
      ),
    ).toBe(true);
    expect(fromSpec(example).metadata.columns.last_login).toEqual({
      sdtype: 'datetime',
      format: '%Y-%m-%d %H:%M:%S',
    });
    expect(valueAt(t.column('signup'), 0)).toBeInstanceOf(Date);
  });

  it('applies the declared correlation through the copula (and none elsewhere)', () => {
    // latent 0.5 between normal age and lognormal income: Pearson of age and log income is exactly that
    expect(pearson(numbers(t, 'age'), Float64Array.from(numbers(t, 'income'), Math.log))).toBeCloseTo(0.5, 1);
    expect(pearson(numbers(t, 'income'), numbers(t, 'plan'))).toBeGreaterThan(0.2);
    expect(Math.abs(pearson(numbers(t, 'age'), numbers(t, 'score')))).toBeLessThan(0.03);
  });

  it('same seed, same table; batches do not change the values', () => {
    const m = fromSpec(example);
    const a = m.sample(3000, { seed: 5 });
    const parts = [...m.batches(3000, { seed: 5, batchSize: 1000 })];
    expect(parts.map((p) => p.nRows)).toEqual([1000, 1000, 1000]);
    for (const name of a.names) {
      const whole = Array.from(numbers(a, name));
      expect(parts.flatMap((p) => Array.from(numbers(p, name)))).toEqual(whole);
    }
    expect(Array.from(numbers(m.sample(10, { seed: 6 }), 'age'))).not.toEqual(
      Array.from(numbers(a, 'age')).slice(0, 10),
    );
    expect(m.sample(0).nRows).toBe(0);
  });

  it('rejects bad specs with BAD_SPEC naming the column', () => {
    const err = (spec: unknown) => {
      try {
        fromSpec(spec);
      } catch (e) {
        return [(e as SynthkitError).code, (e as SynthkitError).column ?? null, (e as SynthkitError).message];
      }
      return ['OK'];
    };
    const col = (c: unknown) => ({ columns: { x: c } });
    expect(err({})[0]).toBe('BAD_SPEC');
    expect(err({ columns: {} })[0]).toBe('BAD_SPEC');
    expect(err(col('normal(1)')).slice(0, 2)).toEqual(['BAD_SPEC', 'x']);
    expect(err(col('normal(1, -2)')).slice(0, 2)).toEqual(['BAD_SPEC', 'x']);
    expect(err(col('cauchy(0, 1)')).slice(0, 2)).toEqual(['BAD_SPEC', 'x']);
    expect(err(col('uniform(3, 1)')).slice(0, 2)).toEqual(['BAD_SPEC', 'x']);
    expect(err(col('integer(1.5, 4)')).slice(0, 2)).toEqual(['BAD_SPEC', 'x']);
    expect(err(col({ values: { a: -1, b: 2 } }))[2]).toContain('"a"');
    expect(err(col({ values: { a: 0 } })).slice(0, 2)).toEqual(['BAD_SPEC', 'x']);
    expect(err(col({ datetime: { from: '2024-02-30', to: '2024-03-01' } }))[2]).toContain('2024-02-30');
    expect(err(col({ datetime: { from: '2024-03-01', to: '2024-01-01' } }))[2]).toContain('after');
    expect(err(col({ boolean: 1.2 })).slice(0, 2)).toEqual(['BAD_SPEC', 'x']);
    expect(err(col({ distribution: 'normal(0,1)', decimal: 2 }))[2]).toContain('"decimal"');
    const two = { x: 'normal(0,1)', y: 'normal(0,1)', z: 'normal(0,1)' };
    expect(
      err({
        columns: two,
        correlation: {
          columns: ['x', 'w'],
          matrix: [
            [1, 0],
            [0, 1],
          ],
        },
      }).slice(0, 2),
    ).toEqual(['BAD_SPEC', 'w']);
    expect(
      err({
        columns: two,
        correlation: {
          columns: ['x', 'y'],
          matrix: [
            [1, 0.5],
            [0.4, 1],
          ],
        },
      })[2],
    ).toContain('symmetric');
    expect(
      err({
        columns: two,
        correlation: {
          columns: ['x', 'y'],
          matrix: [
            [1, 1.5],
            [1.5, 1],
          ],
        },
      })[2],
    ).toContain('-1 to 1');
    const contradictory = [
      [1, 0.9, -0.9],
      [0.9, 1, 0.9],
      [-0.9, 0.9, 1],
    ];
    expect(
      err({ columns: two, correlation: { columns: ['x', 'y', 'z'], matrix: contradictory } })[2],
    ).toContain('eigenvalue');
    // a perfectly correlated (singular) pair is allowed
    expect(
      err({
        columns: two,
        correlation: {
          columns: ['x', 'y'],
          matrix: [
            [1, 1],
            [1, 1],
          ],
        },
      }),
    ).toEqual(['OK']);
  });
});
