const CANDIDATES = [',', ';', '\t', '|'];
const MAX_LINES = 50;

export interface Sniffed {
  delimiter: string;
  newline: '\n' | '\r\n' | '\r';
  /** Fields in the header with the sniffed delimiter. */
  headerFields: number;
  /** Fraction of sampled lines with as many fields as the header. */
  consistency: number;
}

/**
 * Guesses the delimiter from a sample: the candidate whose field count is the same on the most
 * lines (quotes respected), then the one giving more fields. Also finds the first line ending.
 * `complete` says whether the sample is the whole input (else its last line may be cut short).
 */
export function sniffDialect(sample: string, complete: boolean): Sniffed {
  const counts = CANDIDATES.map(() => [] as number[]);
  const line = CANDIDATES.map(() => 0);
  let newline: Sniffed['newline'] | undefined;
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < sample.length && lines < MAX_LINES; i++) {
    const ch = sample[i]!;
    if (ch === '"') {
      inQuotes = !inQuotes;
      continue;
    }
    if (inQuotes) continue;
    if (ch === '\n' || ch === '\r') {
      if (newline === undefined) newline = ch === '\r' ? (sample[i + 1] === '\n' ? '\r\n' : '\r') : '\n';
      if (ch === '\r' && sample[i + 1] === '\n') i++;
      for (let k = 0; k < CANDIDATES.length; k++) {
        counts[k]!.push(line[k]!);
        line[k] = 0;
      }
      lines++;
      continue;
    }
    const k = CANDIDATES.indexOf(ch);
    if (k >= 0) line[k]!++;
  }
  if (complete && lines < MAX_LINES && line.some((c) => c > 0))
    for (let k = 0; k < CANDIDATES.length; k++) counts[k]!.push(line[k]!);
  let best: Sniffed = { delimiter: ',', newline: newline ?? '\n', headerFields: 1, consistency: 1 };
  let bestScore = -1;
  for (let k = 0; k < CANDIDATES.length; k++) {
    const c = counts[k]!;
    const header = c[0] ?? 0;
    if (header === 0) continue;
    const same = c.filter((x) => x === header).length;
    const consistency = same / c.length;
    const score = consistency * 1000 + Math.min(header, 999);
    if (score > bestScore) {
      bestScore = score;
      best = { delimiter: CANDIDATES[k]!, newline: newline ?? '\n', headerFields: header + 1, consistency };
    }
  }
  return best;
}
