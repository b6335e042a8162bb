// Shared home of the ONNX graph builder first written for @synthkit/diffusion (same API), so every
// neural generator can export a network for onnxruntime without depending on a sibling generator.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

/** ONNX element types this package writes (TensorProto.DataType). */
export const ONNX_FLOAT = 1;
export const ONNX_INT8 = 3;
export const ONNX_INT64 = 7;

/** onnxruntime's contrib-op domain (e.g. DynamicQuantizeMatMul), opset 1. */
export const MICROSOFT_DOMAIN = 'com.microsoft';

/** The opset the exported graphs declare; every op used here exists unchanged since opset 13. */
export const OPSET = 17;

/**
 * Node attributes: an integer (INT), a list of integers (INTS), or a float ({ float: x }, FLOAT, e.g.
 * Gemm's alpha and beta); no op used here needs more.
 */
type Attr = number | readonly number[] | { readonly float: number };

/**
 * Collects nodes, initializers and graph inputs/outputs and serialises them as an ONNX
 * ModelProto. Weights go in as `raw_data` (little-endian bytes), which every runtime reads fastest.
 */
export class GraphBuilder {
  private readonly nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  private readonly initializers: InstanceType<typeof onnx.TensorProto>[] = [];
  private readonly inputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  private readonly outputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  private counter = 0;
  private readonly domains = new Set<string>();

  /** A graph input; `dims` entries that are strings are symbolic (e.g. the batch size 'N'). */
  input(name: string, elemType: number, dims: readonly (number | string)[]): string {
    this.inputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  output(name: string, elemType: number, dims: readonly (number | string)[]): void {
    this.outputs.push(valueInfo(name, elemType, dims));
  }

  /** A float32 constant stored as raw little-endian bytes. */
  floatTensor(name: string, data: Float32Array, dims: readonly number[]): string {
    return this.initializer(name, ONNX_FLOAT, dims, littleEndianBytes(data));
  }

  /** An int8 constant (quantised weights); single bytes have no byte order. */
  int8Tensor(name: string, data: Int8Array, dims: readonly number[]): string {
    return this.initializer(
      name,
      ONNX_INT8,
      dims,
      new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice(),
    );
  }

  int64Tensor(name: string, data: readonly number[], dims: readonly number[]): string {
    return this.initializer(
      name,
      ONNX_INT64,
      dims,
      littleEndianBytes(BigInt64Array.from(data, (v) => BigInt(v))),
    );
  }

  private initializer(name: string, dataType: number, dims: readonly number[], rawData: Uint8Array): string {
    this.initializers.push(onnx.TensorProto.create({ name, dataType, dims: [...dims], rawData }));
    return name;
  }

  /** Adds one node (of `domain`, default ONNX's own) and returns the name of its (single) output. */
  op(
    opType: string,
    inputs: readonly string[],
    attrs: Readonly<Record<string, Attr>> = {},
    outName?: string,
    domain = '',
  ): string {
    const output = outName ?? `${opType.toLowerCase()}_${this.counter++}`;
    const { AttributeType } = onnx.AttributeProto;
    const attribute = Object.entries(attrs).map(([name, v]) =>
      typeof v === 'number'
        ? onnx.AttributeProto.create({ name, type: AttributeType.INT, i: v })
        : 'float' in v
          ? onnx.AttributeProto.create({ name, type: AttributeType.FLOAT, f: v.float })
          : onnx.AttributeProto.create({ name, type: AttributeType.INTS, ints: [...v] }),
    );
    if (domain) this.domains.add(domain);
    this.nodes.push(
      onnx.NodeProto.create({
        opType,
        input: [...inputs],
        output: [output],
        name: output,
        attribute,
        domain,
      }),
    );
    return output;
  }

  /**
   * Adds one node with several outputs (e.g. Unique) and returns their names in order; `used`
   * marks which outputs are needed, the others get the empty name ONNX uses for "not produced".
   */
  opOutputs(
    opType: string,
    inputs: readonly string[],
    used: readonly boolean[],
    attrs: Readonly<Record<string, Attr>> = {},
  ): string[] {
    const id = this.counter++;
    const outputs = used.map((u, i) => (u ? `${opType.toLowerCase()}_${id}_${i}` : ''));
    const first = this.op(opType, inputs, attrs, `${opType.toLowerCase()}_${id}`);
    const node = this.nodes[this.nodes.length - 1]!;
    node.output = outputs;
    node.name = first;
    return outputs;
  }

  /** Serialised ModelProto bytes. */
  build(graphName: string, producer: string): Uint8Array {
    const graph = onnx.GraphProto.create({
      name: graphName,
      node: this.nodes,
      initializer: this.initializers,
      input: this.inputs,
      output: this.outputs,
    });
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: producer,
      opsetImport: [
        onnx.OperatorSetIdProto.create({ domain: '', version: OPSET }),
        ...[...this.domains].map((domain) => onnx.OperatorSetIdProto.create({ domain, version: 1 })),
      ],
      graph,
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, elemType: number, dims: readonly (number | string)[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: onnx.TypeProto.create({
      tensorType: onnx.TypeProto.Tensor.create({
        elemType,
        shape: onnx.TensorShapeProto.create({
          dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })),
        }),
      }),
    }),
  });
}

function littleEndianBytes(a: Float32Array | BigInt64Array): Uint8Array {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return bytes.slice();
  // Big-endian host: swap each element's bytes, because ONNX raw_data is little-endian.
  const out = new Uint8Array(bytes.length);
  const w = a.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += w) for (let j = 0; j < w; j++) out[i + j] = bytes[i + w - 1 - j]!;
  return out;
}
