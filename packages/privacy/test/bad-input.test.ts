import { type Metadata, SynthkitError, Table } from '@synthkit/core';
import { describe, expect, it } from 'vitest';
import { audit, privacyReportJson, renderPrivacyHtml } from '../src/index.js';
import { adultScenario } from './adult-fixtures.js';

const s = adultScenario(400, 5);
const base = {
  train: s.train,
  control: s.control,
  synthetic: s.independent,
  metadata: s.metadata,
  secrets: ['income'],
  seed: 2,
};

async function error(p: Promise<unknown>): Promise<SynthkitError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(SynthkitError);
    return e as SynthkitError;
  }
  throw new Error('expected a SynthkitError');
}

describe('bad input', () => {
  it('says secrets were chosen at random only when attribute inference ran on them', async () => {
    const { secrets: _named, ...noSecrets } = base;
    const dcrOnly = await audit({ ...noSecrets, attacks: ['dcr'] });
    expect(dcrOnly.warnings.join(' ')).not.toMatch(/No secret column given/);
    const inference = await audit({ ...noSecrets, attacks: ['attribute-inference'] });
    expect(inference.warnings.join(' ')).toMatch(/No secret column given: attribute inference ran on/);
  });

  it('warns when control rows are copies of train rows: the control set is not independent', async () => {
    const control = Table.concat([s.train.slice(0, 150), s.control.slice(150)]);
    const report = await audit({ ...base, control, attacks: ['dcr'] });
    expect(report.warnings.join(' ')).toMatch(
      /150 control rows are exact copies of train rows.*not independent/,
    );
    const clean = await audit({ ...base, attacks: ['dcr'] });
    expect(clean.warnings.join(' ')).not.toMatch(/exact copies/);
  });

  it('adjusts for a small control set with a warning, and refuses one far too small with the reason', async () => {
    const small = await audit({
      ...base,
      control: s.control.slice(0, 100),
      attacks: ['dcr', 'singling-out-multivariate'],
    });
    expect(small.warnings.join(' ')).toMatch(/adjusted .*equal-size subsets/);
    const dcr = small.attacks[0]!;
    expect((dcr.details as Record<string, number>).shareExpectedWithoutLeak).toBeCloseTo(400 / 500, 12);
    expect(dcr.ci[0]).toBe(0);
    const so = small.attacks[1]!;
    const distinct = (so.details as { distinctRows: { control: number } }).distinctRows.control;
    expect((so.details as Record<string, number>).comparedAtRows).toBe(distinct);
    expect(so.warnings.join(' ')).toMatch(/compared at \d+ rows/);
    const e = await error(
      audit({
        ...base,
        control: s.control.slice(0, 20),
        train: Table.concat([s.train, s.leaky, s.train]),
        attacks: ['dcr'],
      }),
    );
    expect(e.code).toBe('BAD_VALUE');
    expect(e.message).toMatch(/20 rows for 1200 train rows.*cannot calibrate/);
    expect(e.hint).toMatch(/holdout/);
  });

  it('refuses a secret column that is an id, unknown, or has a different value in every row', async () => {
    const metadata: Metadata = {
      ...s.metadata,
      columns: { ...s.metadata.columns, fnlwgt: { sdtype: 'id' } },
    };
    const id = await error(audit({ ...base, metadata, secrets: ['fnlwgt'] }));
    expect(id.code).toBe('BAD_OPTION');
    expect(id.column).toBe('fnlwgt');
    expect(id.message).toMatch(/is an id/);
    expect((await error(audit({ ...base, secrets: ['nope'] }))).code).toBe('UNKNOWN_COLUMN');
    const withKey = (t: Table, offset: number) =>
      t.withColumn('key', {
        type: 'categorical',
        codes: Int32Array.from({ length: t.nRows }, (_, i) => i),
        categories: Array.from({ length: t.nRows }, (_, i) => `k${i + offset}`),
      });
    const key = await error(
      audit({
        ...base,
        train: withKey(s.train, 0),
        control: withKey(s.control, 1e6),
        synthetic: withKey(s.independent, 2e6),
        secrets: ['key'],
      }),
    );
    expect(key.message).toMatch(/looks like an identifier/);
  });

  it('leaves ids out of the distances and says so', async () => {
    const metadata: Metadata = {
      ...s.metadata,
      columns: { ...s.metadata.columns, fnlwgt: { sdtype: 'id' } },
    };
    const report = await audit({ ...base, metadata, attacks: ['dcr'] });
    expect(report.columns).not.toContain('fnlwgt');
    expect(report.warnings.join(' ')).toMatch(/"fnlwgt" left out: it is an id/);
  });

  it('refuses tables without a common column and tables of a few rows', async () => {
    const other = new Table([['x', { type: 'number', values: new Float64Array(400) }]]);
    const none = await error(audit({ ...base, synthetic: other, attacks: ['dcr'] }));
    expect(none.code).toBe('MISSING_COLUMN');
    expect(none.message).toMatch(/share no column/);
    const few = await error(audit({ ...base, synthetic: s.independent.slice(0, 5), attacks: ['dcr'] }));
    expect(few.code).toBe('NO_ROWS');
    expect(few.message).toMatch(/synthetic table has 5 rows/);
  });
});

describe('report', () => {
  it('is the same JSON for the same seed, with NaN written as null, and renders as a self-contained page', async () => {
    const a = await audit({ ...base, attacks: ['dcr', 'singling-out-univariate', 'attribute-inference'] });
    const b = await audit({ ...base, attacks: ['dcr', 'singling-out-univariate', 'attribute-inference'] });
    expect(privacyReportJson(a)).toBe(privacyReportJson(b));
    const nan = privacyReportJson({ ...a, attacks: [{ ...a.attacks[0]!, risk: Number.NaN }] });
    expect(JSON.parse(nan).attacks[0].risk).toBeNull();
    const html = renderPrivacyHtml(a);
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/(src|href)="https?:/);
    for (const attack of a.attacks) expect(html).toContain(attack.name);
    expect(html).toContain('No measurable risk');
  });
});
