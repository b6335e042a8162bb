import { type JsonValue, type ModelState, SynthkitError, type ViewTable } from '@synthkit/core';

/** How far a neural model was trained, saved with it. */
export interface TrainedInfo {
  readonly epochs: number;
  readonly losses: Readonly<Record<string, number>> | null;
  /** The backend or engine it was trained on, e.g. "onnxruntime-node (1 thread)". */
  readonly backend: string;
}

/** The JSON fields every neural model state starts with. */
export function modelHeader(
  format: string,
  version: number,
  trained: TrainedInfo,
  resumable: boolean,
): Record<string, JsonValue> {
  return {
    format,
    version,
    epochs: trained.epochs,
    losses: trained.losses as Record<string, number> | null,
    backend: trained.backend,
    resumable,
  };
}

/**
 * A saved model's JSON after checking its format and version (BAD_ARTIFACT, ARTIFACT_VERSION), with
 * its TrainedInfo and resumable flag.
 */
export function readModelHeader(
  state: ModelState,
  format: string,
  version: number,
  generator: string,
): { json: Record<string, JsonValue>; trained: TrainedInfo; resumable: boolean } {
  const json = state.json as Record<string, JsonValue>;
  if (!json || json.format !== format)
    throw new SynthkitError('BAD_ARTIFACT', `This is not a ${generator} model state`);
  if (json.version !== version)
    throw new SynthkitError(
      'ARTIFACT_VERSION',
      `${generator} model state version ${String(json.version)} is not supported (expected ${version})`,
    );
  return {
    json,
    trained: {
      epochs: Number(json.epochs),
      losses: (json.losses as Record<string, number> | null) ?? null,
      backend: String(json.backend),
    },
    resumable: json.resumable === true,
  };
}

/** NO_ROWS unless the view has at least two rows (one row can only be copied). */
export function requireTrainingRows(view: ViewTable, generator: string): void {
  if (view.nRows < 2)
    throw new SynthkitError(
      'NO_ROWS',
      `${generator} needs at least 2 rows to learn from, got ${view.nRows}`,
      {
        hint: 'A generator trained on one row can only copy it; provide more data',
      },
    );
}

/**
 * Checks a loaded model can be resumed to `epochs` in total: BAD_ARTIFACT when it was saved
 * without its training state, BAD_OPTION when that many epochs are already done (nothing to train).
 */
export function requireResumable(
  saved: { readonly resumable: boolean; readonly epochs: number },
  epochs: number,
  generator: string,
): void {
  if (!saved.resumable)
    throw new SynthkitError('BAD_ARTIFACT', `This ${generator} model was saved without its training state`, {
      hint: 'Train with the option resumable=true to be able to resume',
    });
  const done = saved.epochs;
  if (epochs <= done)
    throw new SynthkitError(
      'BAD_OPTION',
      `This ${generator} model has already trained ${done} epochs; resuming to epochs ${epochs} would train none`,
      {
        hint: `epochs is the total to reach: give more than ${done} (e.g. ${done + Math.max(1, Math.round(done / 2))})`,
      },
    );
}
