export { CtganModel } from './ctgan-model.js';
export { type CtganOptions, ctganOptions } from './options.js';
export { ctgan, resumeCtgan } from './plugin.js';
