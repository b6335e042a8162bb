export { type TvaeOptions, tvaeOptions } from './options.js';
export { resumeTvae, tvae } from './plugin.js';
export { TvaeModel } from './tvae-model.js';

import { tvae as defaultGenerator } from './plugin.js';

/** What `--plugin @synthkit/vae` and `loadPlugins(['@synthkit/vae'])` register: the generator with default options. */
export const plugins = () => [defaultGenerator()];
