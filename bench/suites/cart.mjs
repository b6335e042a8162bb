// The third-party CART generator (examples/synthkit-plugin-cart) on Adult: its own bench script,
// which prints one result line in this harness's format.
await import('../../examples/synthkit-plugin-cart/scripts/bench-adult.mjs');
