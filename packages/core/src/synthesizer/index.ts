export { DEFAULT_BATCH_SIZE, Synthesizer, type FitOptions, type GeneratorInfo, type SampleOptions, type SynthesizerConfig } from './synthesizer.js';
export type { Conditions, ConditionValue } from './conditions.js';
export type { BalanceOptions } from './balance.js';
export type { LoadOptions } from './persist.js';
export { MISSING_INDICATOR_LABELS, MISSING_SUFFIX } from './view.js';
export { SYNTHKIT_VERSION } from './version.js';
export { lineage, type LineageInput, type LineageManifest } from './lineage.js';
