import { SynthkitError } from '@synthkit/core';
import type { NeighbourSearch } from '../neighbours/search.js';
import { singleThreadSearch } from '../neighbours/search.js';

/** What every attack factory accepts besides its own options. */
export interface SearchOption {
  /** How nearest neighbours are found (default: this thread; `parallelSearch()` from `@synthkit/privacy/node` in Node). */
  search?: NeighbourSearch;
}

export function searchOf(o: SearchOption): NeighbourSearch {
  return o.search ?? singleThreadSearch;
}

export function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new SynthkitError('BAD_OPTION', `${name} must be a positive integer, got ${value}`);
  return value;
}
