import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

export type ModelProto = InstanceType<typeof onnx.ModelProto>;
export type TensorProto = InstanceType<typeof onnx.TensorProto>;

/** A decoded node: protobufjs fills repeated fields with arrays and strings with "" on decode. */
export interface NodeProto {
  opType: string;
  input: string[];
  output: string[];
  name: string;
  domain: string;
  attribute: Array<{ name: string; i?: number | { toString(): string }; f?: number }>;
}

/** A decoded graph, with the fields this package reads or rewrites. */
export interface GraphProto {
  node: NodeProto[];
  initializer: TensorProto[];
  input: Array<{ name: string }>;
  output: Array<{ name: string }>;
}

/** The graph of a decoded model. */
export function graphOf(model: ModelProto): GraphProto {
  return model.graph as unknown as GraphProto;
}

export const TENSOR_FLOAT = 1;
export const TENSOR_INT8 = 3;
export { MICROSOFT_DOMAIN } from '@synthkit/neural';

export function decodeModel(bytes: Uint8Array): ModelProto {
  return onnx.ModelProto.decode(bytes);
}

export function encodeModel(model: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}

/** The default-domain opset a model declares (ONNX: an empty or "ai.onnx" domain). */
export function defaultOpset(model: ModelProto): number {
  const own = model.opsetImport.find((o) => !o.domain || o.domain === 'ai.onnx');
  return Number(own?.version ?? 0);
}

/** Adds an opset import for `domain` unless the model already has one. */
export function importDomain(model: ModelProto, domain: string, version: number): void {
  if (!model.opsetImport.some((o) => o.domain === domain))
    model.opsetImport.push(onnx.OperatorSetIdProto.create({ domain, version }));
}

/** A float32 initializer's values (raw_data or float_data), or undefined for other types. */
export function floatValues(t: TensorProto): Float32Array | undefined {
  if (t.dataType !== TENSOR_FLOAT) return undefined;
  if (t.rawData && t.rawData.length > 0) {
    const raw = t.rawData;
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    return Float32Array.from({ length: raw.byteLength / 4 }, (_, i) => view.getFloat32(i * 4, true));
  }
  return Float32Array.from(t.floatData);
}

export function tensorDims(t: TensorProto): number[] {
  return t.dims.map(Number);
}

export function floatTensor(name: string, data: Float32Array, dims: readonly number[]): TensorProto {
  const bytes = new Uint8Array(data.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < data.length; i++) view.setFloat32(i * 4, data[i]!, true);
  return onnx.TensorProto.create({ name, dataType: TENSOR_FLOAT, dims: [...dims], rawData: bytes });
}

export function int8Tensor(name: string, data: Int8Array, dims: readonly number[]): TensorProto {
  return onnx.TensorProto.create({
    name,
    dataType: TENSOR_INT8,
    dims: [...dims],
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice(),
  });
}

export function node(
  opType: string,
  inputs: readonly string[],
  outputs: readonly string[],
  name: string,
  domain = '',
): NodeProto {
  return onnx.NodeProto.create({
    opType,
    input: [...inputs],
    output: [...outputs],
    name,
    domain,
  }) as unknown as NodeProto;
}
