export { CtganModel } from './ctgan-model.js';
export { type CtganOptions, ctganOptions } from './options.js';
export { ctgan, resumeCtgan } from './plugin.js';

import { ctgan as defaultGenerator } from './plugin.js';

/** What `--plugin @synthkit/gan` and `loadPlugins(['@synthkit/gan'])` register: the generator with default options. */
export const plugins = () => [defaultGenerator()];
