export { type TvaeOptions, tvaeOptions } from './options.js';
export { resumeTvae, tvae } from './plugin.js';
export { TvaeModel } from './tvae-model.js';
