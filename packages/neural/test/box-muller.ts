/** Test helper: Box–Muller in JS, as ForwardGraph.gaussian computes it in the graph (halves of each row). */
export function boxMuller(u: Float32Array, rows: number, width: number): Float32Array {
  const half = width / 2;
  const out = new Float32Array(rows * width);
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < half; j++) {
      const r = Math.sqrt(-2 * Math.log(u[i * width + j]!));
      const theta = 2 * Math.PI * u[i * width + half + j]!;
      out[i * width + j] = r * Math.cos(theta);
      out[i * width + half + j] = r * Math.sin(theta);
    }
  return out;
}
