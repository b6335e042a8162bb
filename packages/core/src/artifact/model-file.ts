import { readFile } from 'node:fs/promises';
import { SynthkitError } from '../errors/synthkit-error.js';
import { writeFileAtomic } from '../io/node/atomic-write.js';
import type { LoadOptions } from '../synthesizer/persist.js';
import { Synthesizer } from '../synthesizer/synthesizer.js';

/** Saves a fitted Synthesizer to `path` (written to a temporary name, then renamed). */
export async function saveSynthesizerFile(synthesizer: Synthesizer, path: string): Promise<void> {
  await writeFileAtomic(path, synthesizer.save());
}

/** Loads a model file written by `saveSynthesizerFile` (checked before any plugin code runs). */
export async function loadSynthesizerFile(path: string, options: LoadOptions = {}): Promise<Synthesizer> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new SynthkitError('IO_ERROR', `Cannot read model file ${path}`, {
      hint: 'Check the path; make one with `synthkit fit`',
      cause,
    });
  }
  return Synthesizer.load(bytes, options);
}
