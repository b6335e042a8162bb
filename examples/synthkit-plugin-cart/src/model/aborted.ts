import { SynthkitError } from '@synthkit/core';

/** The error for a run stopped through its AbortSignal. */
export function aborted(what: 'fitting' | 'sampling'): SynthkitError {
  return new SynthkitError('ABORTED', `CART ${what} was aborted`, {
    hint: 'Run it again without aborting to get a result',
  });
}
