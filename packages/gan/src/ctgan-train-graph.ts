import { TrainGraph } from '@synthkit/neural';
import { CriticGraph } from './critic-graph.js';
import type { CtganNetwork } from './ctgan-network.js';
import { GeneratorGraph } from './generator-graph.js';

/**
 * One CTGAN iteration (Xu et al., 2019, Algorithm 1) as a single ONNX graph: `criticSteps` critic
 * updates (WGAN-GP, Gulrajani et al., 2017), then one generator update against the updated critic,
 * each with Adam and L2 decay as `Adam.apply`, and the generator's running batch-norm statistics
 * folded in after each training-mode pass as RunningStats.update. Every random number comes in as
 * an input (drawStepInputs), so the graph computes what CtganNetwork.step computes on TensorFlow.js.
 *
 * State (TrainGraph.paramState): `g` generator weights and moments, `d` critic weights and moments,
 * `bn` running statistics. Inputs per critic step s: `zc{s}`, `real{s}`, `gumbel{s}`, `alpha{s}`,
 * dropout masks `maskRF{s}_{i}` (real then fake rows) and `maskGP{s}_{i}`, Adam scalars `lrtD{s}`,
 * `rbc2D{s}`; for the generator `zcG`, `gumbelG`, `maskG_{i}`, `target`, `lrtG`, `rbc2G`. Output
 * `losses` [generator, critic (Wasserstein), penalty, conditional cross-entropy].
 */
export function buildCtganTrainGraph(
  net: CtganNetwork,
  batch: number,
  criticSteps: number,
  lambda: number,
): TrainGraph {
  const { shape, layout, condDim: C } = net;
  const E = shape.embeddingDim;
  const D = layout.dim;
  const W = D - layout.tanhCount;
  const B = batch;
  const G = batch / shape.pac;
  const PIN = shape.pac * (D + C);
  const t = new TrainGraph();
  const gState = t.paramState('g', net.generator.specs);
  let dState = t.paramState('d', net.discriminator.specs);
  const gen = new GeneratorGraph(t, net, B, gState.w);
  let bn = t.stateInput('bn', gen.bnSize);
  const critic = new CriticGraph(t, shape.discriminatorDim, G, PIN, net.adamD.options.weightDecay ?? 0);
  const scalar = (name: string) => t.input(name, []);
  const masks = (prefix: string, rows: number) =>
    shape.discriminatorDim.map((h, i) => t.input(`${prefix}_${i}`, [rows, h]));
  /** [B, D] activations and the condition columns of `zc` as PacGAN groups [G, pac·(D + C)]. */
  const packed = (act: string, zc: string) =>
    t.reshape(C > 0 ? t.concat([act, t.slice(zc, E, E + C)], 1) : act, [G, PIN]);

  // dL/dscore of −(mean D(real) − mean D(fake)) for the stacked [real; fake] rows.
  const wassDy = t.constant(
    Float32Array.from({ length: 2 * G }, (_, i) => (i < G ? -1 / G : 1 / G)),
    [2 * G, 1],
  );
  let lossD = t.scalar(0);
  let penalty = t.scalar(0);
  for (let s = 0; s < criticSteps; s++) {
    const d = dState.w;
    const zc = t.input(`zc${s}`, [B, E + C]);
    const real = t.input(`real${s}`, [G, PIN]);
    const gumbel = W > 0 ? t.input(`gumbel${s}`, [B, W]) : '';
    const alpha = t.input(`alpha${s}`, [G, 1]);
    const fakePass = gen.pass(zc, bn);
    bn = fakePass.bn;
    const fake = packed(gen.activate(fakePass.raw, gumbel).act, zc);
    const both = critic.pass(d, t.concat([real, fake], 0), masks(`maskRF${s}`, 2 * G));
    lossD = t.op('ReduceSum', [t.mul(both.out, wassDy)], { keepdims: 0 });
    const mixed = t.add(t.mul(alpha, real), t.mul(t.sub(t.scalar(1), alpha), fake));
    const gp = critic.penalty(d, critic.pass(d, mixed, masks(`maskGP${s}`, G), false).q, lambda);
    penalty = gp.value;
    // The Wasserstein term's weight gradients, with the penalty's (and the decay) added in the GEMMs.
    const grads = critic.weightGrads(d, both, wassDy, gp.grads);
    const last = s === criticSteps - 1;
    dState = t.adamParams(
      dState,
      grads,
      net.adamD.options,
      scalar(`lrtD${s}`),
      scalar(`rbc2D${s}`),
      last,
      critic.decayed(),
    );
  }

  // Generator update: −mean D(fake) plus the conditional cross-entropy, through the updated critic.
  const zc = t.input('zcG', [B, E + C]);
  const gumbel = W > 0 ? t.input('gumbelG', [B, W]) : '';
  const target = C > 0 ? t.input('target', [B, W]) : undefined;
  const pass = gen.pass(zc, bn);
  const activation = gen.activate(pass.raw, gumbel);
  const scored = critic.pass(dState.w, packed(activation.act, zc), masks('maskG', G));
  const minusMean = t.constant(new Float32Array(G).fill(-1 / G), [G, 1]);
  const dPacked = critic.inputGrad(dState.w, scored, minusMean);
  const dRows = t.reshape(dPacked, [B, D + C]);
  const { dRaw, conditionLoss } = gen.activationGrad(
    C > 0 ? t.slice(dRows, 0, D) : dRows,
    activation,
    pass.raw,
    target,
  );
  const lossG = t.add(t.op('ReduceSum', [t.mul(scored.out, minusMean)], { keepdims: 0 }), conditionLoss);
  t.adamParams(
    gState,
    gen.weightGrads(pass, dRaw),
    net.adamG.options,
    scalar('lrtG'),
    scalar('rbc2G'),
    true,
    gen.decayed(),
  );
  t.stateOutput('bn', pass.bn, gen.bnSize);
  const one = (x: string) => t.reshape(x, [1]);
  t.output('losses', t.concat([one(lossG), one(lossD), one(penalty), one(conditionLoss)], 0), [4]);
  return t;
}
