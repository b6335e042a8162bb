/**
 * Largest int8 weight. MLAS's u8·s8 kernel on AVX2 without VNNI adds pairs of u8·s8 products in
 * int16 (vpmaddubsw), which saturates for 255·127·2; 7-bit weights (onnxruntime's `reduce_range`)
 * keep every pair sum in range.
 */
export const INT8_WEIGHT_MAX = 63;

/**
 * Symmetric int8 quantisation of a [rows, cols] weight matrix with one scale per output column
 * (Jacob et al., 2018, "Quantization and Training of Neural Networks for Efficient
 * Integer-Arithmetic-Only Inference"): scale_j = max_i |w_ij| / 63, q_ij = round(w_ij / scale_j).
 */
export function quantizeColumns(
  w: Float32Array,
  rows: number,
  cols: number,
): { q: Int8Array; scale: Float32Array } {
  const scale = new Float32Array(cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) scale[j] = Math.max(scale[j]!, Math.abs(w[i * cols + j]!));
  for (let j = 0; j < cols; j++) scale[j] = scale[j]! > 0 ? scale[j]! / INT8_WEIGHT_MAX : 1;
  const q = new Int8Array(rows * cols);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) q[i * cols + j] = Math.round(w[i * cols + j]! / scale[j]!);
  return { q, scale };
}
