import { SynthkitError } from '@synthkit/core';
import type { SidecarLayout } from '../encoder/sidecar.js';
import { posteriorGraph, STEP_IO } from '../sampling/posterior-graph.js';
import {
  decodeModel,
  defaultOpset,
  encodeModel,
  graphOf,
  type ModelProto,
  type NodeProto,
} from './model-proto.js';

const PREFIX = 'step/';

/**
 * One ONNX model per sampling step: the denoiser's graph (ours or one trained elsewhere, unchanged)
 * followed by the posterior graph, joined on the denoiser's x_t/t inputs and its output — like ONNX's
 * `compose.merge_models`. Inputs: the denoiser's x_t (and y), plus the STEP_IO inputs; output
 * STEP_IO.next. The model's opset is kept (the posterior graph follows it, from 13 on).
 */
export function composeStepModel(
  modelBytes: Uint8Array,
  layout: SidecarLayout,
  timeType: 'int64' | 'float32',
  source = 'ONNX model',
): Uint8Array {
  const model = decodeModel(modelBytes);
  const opset = stepOpset(model, source);
  const graph = graphOf(model);
  const post = graphOf(decodeModel(posteriorGraph(layout, timeType, opset)));
  const io = layout.io;
  const shared = new Set<string>([io.x, io.out, io.t]);
  const rename = (n: string) => (!n || shared.has(n) || n.startsWith(PREFIX) ? n : PREFIX + n);
  for (const n of post.node) {
    n.input = n.input.map(rename);
    n.output = n.output.map(rename);
    n.name = rename(n.name);
  }
  for (const t of post.initializer) t.name = rename(t.name);

  const taken = new Set<string>([
    ...graph.input.map((v) => v.name),
    ...graph.initializer.map((t) => t.name),
    ...graph.node.flatMap((n) => n.output),
  ]);
  for (const name of [...post.initializer.map((t) => t.name), ...post.node.flatMap((n) => n.output)])
    if (name !== io.t && taken.has(name))
      throw new SynthkitError('BAD_ARTIFACT', `${source} uses the name "${name}", which sampling reserves`, {
        hint: `Rename values starting with "${PREFIX}" in the exported graph`,
      });

  graph.input = [
    ...graph.input.filter((v) => v.name !== io.t),
    ...post.input.filter((v) => v.name !== io.x && v.name !== io.out),
  ];
  graph.output = post.output;
  graph.initializer = [...graph.initializer, ...post.initializer];
  graph.node = topologicalOrder(
    [...post.node, ...graph.node],
    new Set([...graph.input.map((v) => v.name), ...graph.initializer.map((t) => t.name)]),
  );
  return encodeModel(model);
}

/** Nodes ordered so each comes after the producers of its inputs (ONNX requires it). */
function topologicalOrder(nodes: NodeProto[], available: Set<string>): NodeProto[] {
  const done = new Set(available);
  done.add('');
  const order: NodeProto[] = [];
  let left = nodes;
  while (left.length > 0) {
    const waiting: NodeProto[] = [];
    for (const n of left)
      if (n.input.every((i) => done.has(i))) {
        order.push(n);
        for (const o of n.output) done.add(o);
      } else waiting.push(n);
    if (waiting.length === left.length)
      throw new SynthkitError(
        'BAD_ARTIFACT',
        `The ONNX graph has a cycle or an unknown value (${waiting[0]!.input.find((i) => !done.has(i))})`,
      );
    left = waiting;
  }
  return order;
}

/** The model's default-domain opset; below 13 the posterior graph cannot join it. */
export function stepOpset(model: Uint8Array | ModelProto, source = 'ONNX model'): number {
  const opset = defaultOpset(model instanceof Uint8Array ? decodeModel(model) : model);
  if (opset < 13)
    throw new SynthkitError(
      'BAD_ARTIFACT',
      `${source} declares opset ${opset}; sampling needs opset 13 or newer`,
      {
        hint: 'Export the model again with a newer opset (torch.onnx.export(..., opset_version=17))',
      },
    );
  return opset;
}

export { STEP_IO };
