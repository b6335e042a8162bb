import type { JsonValue } from '../plugin/types.js';

/**
 * A reversible transform in the RDT style: `fit` learns a plain-JSON state from data (so it can be
 * saved in an artifact), `forward` and `reverse` are pure functions of that state, and
 * reverse(forward(x)) == x for every x the state was fitted on.
 */
export interface ReversibleTransform<In, Out, State extends JsonValue> {
  readonly name: string;
  fit(input: In): State;
  forward(state: State, input: In): Out;
  reverse(state: State, output: Out): In;
}
