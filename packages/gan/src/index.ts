export { ctgan, resumeCtgan } from './plugin.js';
export { ctganOptions, type CtganOptions } from './options.js';
export { CtganModel } from './ctgan-model.js';
