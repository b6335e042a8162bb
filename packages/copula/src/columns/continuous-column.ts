import type { ContinuousViewColumn } from '@synthkit/core';
import { ZTable } from '../latent/z-table.js';
import type { Family, Marginal } from '../marginals/marginal.js';

/** A continuous view column of a fitted copula: its marginal as a latent table. */
export class ContinuousColumn {
  readonly kind = 'continuous';
  readonly name: string;
  readonly family: Family;
  readonly params: readonly number[];
  readonly table: ZTable;

  constructor(name: string, family: Family, params: readonly number[], table: ZTable) {
    this.name = name;
    this.family = family;
    this.params = params;
    this.table = table;
  }

  static fromMarginal(name: string, m: Marginal): ContinuousColumn {
    return new ContinuousColumn(name, m.family, m.params, ZTable.build(m.fromZ));
  }

  /** An empty output column of n rows, filled by `write`. */
  allocate(n: number): ContinuousViewColumn {
    return { kind: 'continuous', name: this.name, values: new Float64Array(n) };
  }

  /** Writes the values of latent scores z[0..n) into out at rows offset.. */
  write(z: Float64Array, n: number, out: ContinuousViewColumn, offset: number): void {
    this.table.map(z, out.values, n, offset);
  }
}
