export { tvae, resumeTvae } from './plugin.js';
export { tvaeOptions, type TvaeOptions } from './options.js';
export { TvaeModel } from './tvae-model.js';
