export type { BalanceOptions } from './balance.js';
export type { Conditions, ConditionValue } from './conditions.js';
export { type LineageInput, type LineageManifest, lineage } from './lineage.js';
export type { LoadOptions } from './persist.js';
export {
  DEFAULT_BATCH_SIZE,
  type FitOptions,
  type GeneratorInfo,
  type SampleOptions,
  Synthesizer,
  type SynthesizerConfig,
} from './synthesizer.js';
export { SYNTHKIT_VERSION } from './version.js';
export { MISSING_INDICATOR_LABELS, MISSING_SUFFIX, viewOf } from './view.js';
