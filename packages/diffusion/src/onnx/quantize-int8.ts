import { quantizeColumns } from '@synthkit/neural';
import {
  decodeModel,
  encodeModel,
  floatTensor,
  floatValues,
  graphOf,
  importDomain,
  int8Tensor,
  MICROSOFT_DOMAIN,
  type ModelProto,
  type NodeProto,
  node,
  type TensorProto,
  tensorDims,
} from './model-proto.js';

/**
 * Rewrites every dense layer on the data path (MatMul, or Gemm without transposes or scaling,
 * whose weight is a 2-D float initializer and whose input depends on `dataInput`) as onnxruntime's
 * DynamicQuantizeMatMul (`com.microsoft`): the activations are quantised to uint8 per call, the
 * weights once here to int8 with one symmetric scale per output column (@synthkit/neural's
 * quantizeColumns: 7-bit, so MLAS's AVX2 kernel cannot saturate).
 * Layers that only see other inputs (the time-embedding MLP, run once per distinct t) stay float.
 * Only the arithmetic changes: the trained float weights are the source, nothing is re-trained.
 */
export function quantizeDenseLayers(bytes: Uint8Array, dataInput: string): Uint8Array {
  const model = decodeModel(bytes);
  const graph = graphOf(model);
  const inits = new Map<string, TensorProto>();
  for (const t of graph.initializer) inits.set(t.name, t);
  const reached = dataPath(graph.node, dataInput);
  const nodes: NodeProto[] = [];
  const added: TensorProto[] = [];
  const replaced = new Set<string>();
  let count = 0;
  for (const n of graph.node) {
    const weight = n.input[1] ? inits.get(n.input[1]) : undefined;
    const plain = n.opType === 'MatMul' || (n.opType === 'Gemm' && plainGemm(n));
    const dims = weight ? tensorDims(weight) : [];
    const values = weight ? floatValues(weight) : undefined;
    if (!plain || !reached.has(n.input[0]!) || dims.length !== 2 || !values) {
      nodes.push(n);
      continue;
    }
    const [rows, cols] = dims as [number, number];
    replaced.add(n.input[1]!);
    const { q, scale } = quantizeColumns(values, rows, cols);
    const id = `q8_${count++}`;
    added.push(int8Tensor(`${id}/w`, q, [rows, cols]), floatTensor(`${id}/scale`, scale, [cols]));
    const c = n.opType === 'Gemm' ? n.input[2] : undefined;
    const cInit = c ? inits.get(c) : undefined;
    const bias = cInit && tensorDims(cInit).length === 1 && tensorDims(cInit)[0] === cols ? c : undefined;
    const inputs = [n.input[0]!, `${id}/w`, `${id}/scale`, '', ...(bias ? [bias] : [])];
    const output = n.output[0]!;
    if (c && !bias) {
      // a row-wise C (e.g. the per-row time embedding) is added after the product
      nodes.push(node('DynamicQuantizeMatMul', inputs, [`${id}/y`], id, MICROSOFT_DOMAIN));
      nodes.push(node('Add', [`${id}/y`, c], [output], `${id}/add`));
    } else nodes.push(node('DynamicQuantizeMatMul', inputs, [output], id, MICROSOFT_DOMAIN));
  }
  if (count === 0) return bytes;
  graph.node = nodes;
  const stillUsed = new Set(nodes.flatMap((n) => n.input));
  graph.initializer = [
    ...graph.initializer.filter((t) => !replaced.has(t.name) || stillUsed.has(t.name)),
    ...added,
  ];
  importDomain(model as ModelProto, MICROSOFT_DOMAIN, 1);
  return encodeModel(model);
}

function plainGemm(n: NodeProto): boolean {
  return n.attribute.every(
    (a) =>
      ((a.name === 'transA' || a.name === 'transB') && Number(a.i) === 0) ||
      ((a.name === 'alpha' || a.name === 'beta') && a.f === 1),
  );
}

/** Values computed (transitively) from `input`; the graph's nodes may be in any order. */
function dataPath(nodes: readonly NodeProto[], input: string): Set<string> {
  const reached = new Set([input]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of nodes)
      if (n.input.some((i) => reached.has(i)))
        for (const o of n.output)
          if (o && !reached.has(o)) {
            reached.add(o);
            changed = true;
          }
  }
  return reached;
}
