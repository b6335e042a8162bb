import { cartGenerator } from './plugin.js';

export { cartOptions } from './options.js';
export { type CartOptions, cart, cartGenerator } from './plugin.js';

/** `--plugin synthkit-plugin-cart` / `loadPlugins([...])` register the default export. */
export default cartGenerator;
