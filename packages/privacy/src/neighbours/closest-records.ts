import type { Metadata, Table } from '@synthkit/core';
import { alignTables } from '../data/aligned.js';
import { distanceSpace, encodeRows } from '../distance/mixed-distance.js';
import { type NeighbourSearch, type Neighbours, singleThreadSearch } from './search.js';

export interface ClosestRecordsOptions {
  /** Neighbours per query row (default 1). */
  readonly k?: number;
  /** Defaults to this thread; `parallelSearch()` from `@synthkit/privacy/node` uses worker threads. */
  readonly search?: NeighbourSearch;
  readonly signal?: AbortSignal;
}

/**
 * The k closest reference rows of every query row, exactly, under the audit's mixed distance (mean
 * over columns of range-scaled |a − b| for numbers and 0/1 for categories, in [0, 1]); scaled on the
 * reference table. Id and PII columns are left out, as in the audit. The building block of the
 * DCR and membership attacks, for users who want the distances themselves.
 */
export async function closestRecords(
  reference: Table,
  query: Table,
  metadata: Metadata,
  o: ClosestRecordsOptions = {},
): Promise<Neighbours> {
  const aligned = alignTables(reference, reference, query, metadata);
  const space = distanceSpace(aligned.schema, aligned.train);
  return (o.search ?? singleThreadSearch).knn(
    space,
    encodeRows(space, aligned.train),
    encodeRows(space, aligned.synthetic),
    o.k ?? 1,
    o.signal,
  );
}
