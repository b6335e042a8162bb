import { SynthkitError } from '@synthkit/core';
import { type Command, InvalidArgumentError } from 'commander';
import { UsageError } from './failure.js';

export type ConditionValue = string | { min: number; max: number };

/** `--condition sex=Female --condition age=30..40` -> { sex: 'Female', age: { min: 30, max: 40 } } */
export function parseConditions(specs: readonly string[] = []): Record<string, ConditionValue> {
  const out: Record<string, ConditionValue> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0)
      throw new SynthkitError('BAD_CONDITION', `Cannot read condition "${spec}"`, {
        hint: 'Write column=value, or column=low..high for a range (e.g. --condition age=30..40)',
      });
    const column = spec.slice(0, eq).trim();
    const value = spec.slice(eq + 1);
    const range = /^\s*(-?[\d.eE+-]+)\s*\.\.\s*(-?[\d.eE+-]+)\s*$/.exec(value);
    if (range) {
      const min = Number(range[1]);
      const max = Number(range[2]);
      if (!Number.isFinite(min) || !Number.isFinite(max) || min > max)
        throw new SynthkitError('BAD_CONDITION', `Bad range "${value}" in condition on ${column}`, {
          column,
          hint: 'Write low..high with low <= high',
        });
      out[column] = { min, max };
    } else out[column] = value;
  }
  return out;
}

/** `-O epochs=10 -O backend=wasm` plus the convenience flags, into a plugin options record. */
export function generatorOptions(
  pairs: readonly string[] = [],
  shortcuts: Record<string, string | number | undefined> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0)
      throw new SynthkitError('BAD_OPTION', `Cannot read option "${p}"`, { hint: 'Write -O name=value' });
    out[p.slice(0, eq).trim()] = p.slice(eq + 1).trim();
  }
  for (const [k, v] of Object.entries(shortcuts)) {
    if (v === undefined) continue;
    // `--epochs 1 -O epochs=3`: two values for one option, neither silently winning.
    if (out[k] !== undefined && out[k] !== String(v))
      throw new UsageError(
        `--${k} ${v} and -O ${k}=${out[k]} both set ${k}`,
        `Give ${k} once: --${k} or -O ${k}=…`,
      );
    out[k] = String(v);
  }
  return out;
}

/** `--balance income` or `--balance "income: <=50K=0.3, >50K=0.7"` */
export function parseBalance(
  spec: string | undefined,
): { column: string; shares?: Record<string, number> } | undefined {
  if (!spec) return undefined;
  const colon = spec.indexOf(':');
  if (colon < 0) return { column: spec.trim() };
  const column = spec.slice(0, colon).trim();
  const shares: Record<string, number> = {};
  for (const part of spec.slice(colon + 1).split(',')) {
    const eq = part.lastIndexOf('=');
    const share = Number(part.slice(eq + 1));
    if (eq <= 0 || !Number.isFinite(share) || share < 0)
      throw new SynthkitError('BAD_OPTION', `Cannot read balance share "${part}"`, {
        column,
        hint: 'Write --balance column or --balance "column:a=0.5,b=0.5"',
      });
    shares[part.slice(0, eq)] = share;
  }
  return { column, shares };
}

/**
 * Commander turns these parsers' errors into "option … argument … is invalid", reported as USAGE.
 * Plain decimal digits only: `1e3`, `0x10`, `1.0` and `-1` are refused rather than read by Number().
 */
export function positiveInt(name: string, min = 0) {
  return (raw: string): number => {
    const v = Number(raw);
    if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(v) || v < min)
      throw new InvalidArgumentError(
        `--${name} must be ${min === 0 ? 'a non-negative' : 'a positive'} integer in plain digits (got "${raw}")`,
      );
    return v;
  };
}

/** Largest seed: seeds are 32-bit, so a bigger number would silently wrap onto a smaller one. */
export const MAX_SEED = 4_294_967_295;

/** `--seed N`: an integer 0..4294967295, recorded as given. */
export function seedArg(raw: string): number {
  const v = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || v > MAX_SEED)
    throw new InvalidArgumentError(`--seed must be an integer from 0 to ${MAX_SEED} (got "${raw}")`);
  return v;
}

/** A share strictly between 0 and 1 (`--holdout 0.2`). */
export function fraction(name: string) {
  return (raw: string): number => {
    const v = Number(raw);
    if (raw.trim() === '' || !(v > 0 && v < 1))
      throw new InvalidArgumentError(`--${name} must be a number between 0 and 1`);
    return v;
  };
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  tab: '\t',
  '\\t': '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  space: ' ',
};

/** `--delimiter ';'`, or a name for characters awkward in a shell: tab, comma, semicolon, pipe, space. */
export function delimiterArg(raw: string): string {
  const d = DELIMITER_NAMES[raw.toLowerCase()] ?? raw;
  if ([...d].length !== 1 || d === '"' || d === '\n' || d === '\r')
    throw new InvalidArgumentError(
      'give one character (not a quote or line break), or tab, comma, semicolon, pipe, space',
    );
  return d;
}

export function nonFiniteArg(raw: string): 'error' | 'missing' {
  if (raw !== 'error' && raw !== 'missing')
    throw new InvalidArgumentError('write error (stop at Infinity/-inf in a number column) or missing');
  return raw;
}

/** `--delimiter`, `--encoding` and `--non-finite`, for every command that reads a table. */
export function withReadFlags(cmd: Command): Command {
  return cmd
    .option(
      '--delimiter <char>',
      'field delimiter of CSV input: one character, or tab, comma, semicolon, pipe, space (default: sniffed; tab for .tsv)',
      delimiterArg,
    )
    .option(
      '--encoding <label>',
      'text encoding of the input files: utf-8 (default), latin1, windows-1252, utf-16le, or another WHATWG label',
    )
    .option(
      '--non-finite <policy>',
      "Infinity/-inf (or a literal beyond the float range, 1e309) in a number column: 'error' (default) or 'missing' (read as missing, with a warning)",
      nonFiniteArg,
    );
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
