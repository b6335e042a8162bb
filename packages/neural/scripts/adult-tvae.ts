import { Rng } from '@synthkit/core';
import { NetworkLayout, TabularEncoder } from '@synthkit/neural';
import { TvaeNetwork } from '../../vae/src/tvae-network.js';
import { csvView } from '../test/csv-view.js';

/** Script helper: Adult's encoder, layout and a freshly initialised TVAE network with the default widths. */
export function adultTvae() {
  const view = csvView('adult', 26049);
  const encoder = TabularEncoder.fit(view);
  const layout = new NetworkLayout(encoder);
  const rng = new Rng(1);
  const net = new TvaeNetwork(
    { embeddingDim: 128, compressDims: [128, 128], decompressDims: [128, 128], lossFactor: 2 },
    layout,
    rng,
    { learningRate: 1e-3, weightDecay: 1e-5 },
  );
  return { view, encoder, layout, net, rng };
}
