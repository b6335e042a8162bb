/**
 * Conditions typed as the CLI's --condition: one per line, `column=value` or `column=min..max`
 * (either side of `..` may be empty). Returns the Synthesizer's conditions object.
 */
export type ConditionInput = Record<string, string | { min?: number; max?: number }>;

export function parseConditions(text: string): ConditionInput {
  const out: ConditionInput = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`Condition on line ${i + 1} needs the form column=value or column=min..max`);
    const column = line.slice(0, eq).trim();
    const value = line.slice(eq + 1);
    const range = /^\s*(-?[\d.eE+-]*)\s*\.\.\s*(-?[\d.eE+-]*)\s*$/.exec(value);
    if (range && (range[1] !== '' || range[2] !== '')) {
      const bound = (s: string) => (s === '' ? undefined : Number(s));
      const min = bound(range[1]!);
      const max = bound(range[2]!);
      if ((min !== undefined && !Number.isFinite(min)) || (max !== undefined && !Number.isFinite(max)))
        throw new Error(`Condition on line ${i + 1}: "${value}" is not a number range`);
      out[column] = { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    } else out[column] = value;
  }
  return out;
}
