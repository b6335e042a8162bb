import { SynthkitError } from '../errors/synthkit-error.js';
import { type Column, type ColumnType, MISSING_BOOL } from '../table/column.js';
import { booleanPairOf } from './boolean-tokens.js';
import type { ColumnFormat } from './column-format.js';
import { type CsvReadOptions, DEFAULT_MISSING_TOKENS } from './csv-options.js';
import { detectDatetimeFormat } from './datetime-detect.js';
import {
  compileDatetimeFormat,
  type DatetimeCodec,
  type DatetimeStats,
  newDatetimeStats,
  refineFormat,
} from './datetime-format.js';
import { encodeStrings } from './encode-strings.js';
import { isNonFiniteToken, NOT_NUMBER, scanNumber } from './number-token.js';

export interface TyperContext {
  readonly missing: ReadonlySet<string>;
  /** Longest missing token: longer values skip the set lookup (most cells, on a hot path). */
  readonly missingMaxLength: number;
  readonly nonFinite: 'error' | 'missing';
  warn(message: string): void;
}

export function makeTyperContext(
  options: Pick<CsvReadOptions, 'missingTokens' | 'nonFinite'>,
  warnings: string[],
): TyperContext {
  const missing = new Set(options.missingTokens ?? DEFAULT_MISSING_TOKENS);
  return {
    missing,
    missingMaxLength: Math.max(-1, ...[...missing].map((m) => m.length)),
    nonFinite: options.nonFinite ?? 'error',
    warn: (m) => warnings.push(m),
  };
}

/** A batch did not fit the type the column had so far; `at` indexes the offending value. */
export interface TypeBreak {
  readonly at: number;
}

type Kind = 'unknown' | ColumnType;

/**
 * Decides and keeps the physical type of one column across the batches of a stream: number when
 * every value is a plain decimal number, boolean for a true/false-like token pair, datetime when one
 * known format parses every value, else categorical (values verbatim). Missing tokens never count.
 */
export class ColumnTyper {
  kind: Kind = 'unknown';
  private integer = true;
  private minDecimals = Number.POSITIVE_INFINITY;
  private maxDecimals = 0;
  private dt: { base: string; codec: DatetimeCodec; stats: DatetimeStats } | undefined;
  private pair: readonly [string, string] | undefined;

  constructor(
    readonly name: string,
    private readonly forcedType?: ColumnType,
    private readonly forcedFormat?: string,
  ) {
    this.reset();
  }

  reset(): void {
    this.kind = this.forcedFormat !== undefined ? 'datetime' : (this.forcedType ?? 'unknown');
    this.integer = true;
    this.minDecimals = Number.POSITIVE_INFINITY;
    this.maxDecimals = 0;
    this.pair = undefined;
    this.dt = undefined;
    if (this.forcedFormat !== undefined) {
      const codec = compileDatetimeFormat(this.forcedFormat);
      this.dt = { base: this.forcedFormat, codec, stats: newDatetimeStats(this.forcedFormat) };
    }
  }

  get forced(): boolean {
    return this.forcedType !== undefined || this.forcedFormat !== undefined;
  }

  /**
   * This batch as a typed column; null while every value so far is missing (type still open); a
   * TypeBreak when a value does not fit the type decided on earlier batches. `rowOffset` is the
   * number of data rows before this batch (for error messages).
   */
  build(vals: readonly string[], rowOffset: number, ctx: TyperContext): Column | TypeBreak | null {
    if (this.kind !== 'unknown') {
      const r = this.buildAs(this.kind, vals, rowOffset, ctx);
      if ('at' in r && this.forced) {
        const v = vals[r.at]!;
        throw new SynthkitError('BAD_VALUE', `"${v}" is not a valid ${this.describe()}`, {
          column: this.name,
          row: rowOffset + r.at + 1,
          hint: `Fix the value, or read the column with another type (option \`types\`)`,
        });
      }
      return r;
    }
    let any = false;
    for (let i = 0; i < vals.length; i++)
      if (!ctx.missing.has(vals[i]!)) {
        any = true;
        break;
      }
    if (!any) return null;
    for (const kind of ['number', 'boolean', 'datetime'] as const) {
      const r = this.buildAs(kind, vals, rowOffset, ctx);
      if (!('at' in r)) {
        this.kind = kind;
        return r;
      }
    }
    this.kind = 'categorical';
    this.warnIfMostlyNumbers(vals, rowOffset, ctx);
    return this.buildCategorical(vals, ctx);
  }

  /**
   * A column of numbers with a few words in it ("unknown", "n/a", a typo) is read as categories,
   * which loses its numeric shape: say so, naming the first such value, so the user can declare it
   * a missing token or fix it. Leading-zero codes and long ids are text on purpose and count as numbers here.
   */
  private warnIfMostlyNumbers(vals: readonly string[], rowOffset: number, ctx: TyperContext): void {
    let numbers = 0;
    let texts = 0;
    let first = -1;
    for (let i = 0; i < vals.length; i++) {
      const v = vals[i]!;
      if (ctx.missing.has(v)) continue;
      if (scanNumber(v) !== NOT_NUMBER || isNonFiniteToken(v)) numbers++;
      else if (texts++ === 0) first = i;
    }
    if (texts === 0 || numbers < 9 * texts) return;
    ctx.warn(
      `Column "${this.name}" holds numbers but ${texts} value(s) are text (first "${vals[first]}" at row ${rowOffset + first + 1}); it is read as categorical. If such values mean "missing", add them to the missing tokens (missingTokens), else fix them`,
    );
  }

  format(): ColumnFormat {
    switch (this.kind) {
      case 'number':
        return {
          kind: 'number',
          integer: this.integer,
          minDecimals: Number.isFinite(this.minDecimals) ? this.minDecimals : 0,
          maxDecimals: this.maxDecimals,
        };
      case 'datetime': {
        const dt = this.dt!;
        return {
          kind: 'datetime',
          format: this.forcedFormat ?? refineFormat(dt.base, dt.stats),
        };
      }
      case 'boolean':
        return {
          kind: 'boolean',
          trueToken: this.pair?.[0] ?? 'true',
          falseToken: this.pair?.[1] ?? 'false',
        };
      default:
        return { kind: 'text' };
    }
  }

  private describe(): string {
    if (this.kind === 'datetime') {
      const f = this.forcedFormat ?? this.dt?.base;
      return f === undefined
        ? 'datetime in any known format (pass its format in datetimeFormats)'
        : `datetime in format "${f}"`;
    }
    return this.kind;
  }

  private buildAs(
    kind: ColumnType,
    vals: readonly string[],
    rowOffset: number,
    ctx: TyperContext,
  ): Column | TypeBreak {
    switch (kind) {
      case 'number':
        return this.buildNumber(vals, rowOffset, ctx);
      case 'boolean':
        return this.buildBoolean(vals, ctx);
      case 'datetime':
        return this.buildDatetime(vals, ctx);
      case 'categorical':
        return this.buildCategorical(vals, ctx);
    }
  }

  private buildNumber(vals: readonly string[], rowOffset: number, ctx: TyperContext): Column | TypeBreak {
    const n = vals.length;
    const out = new Float64Array(n);
    let integer = this.integer;
    let minD = this.minDecimals;
    let maxD = this.maxDecimals;
    let firstInf = -1;
    let nInf = 0;
    for (let i = 0; i < n; i++) {
      const v = vals[i]!;
      if (v.length <= ctx.missingMaxLength && ctx.missing.has(v)) {
        out[i] = Number.NaN;
        continue;
      }
      const d = scanNumber(v);
      if (d < 0) {
        if (d === NOT_NUMBER && isNonFiniteToken(v)) {
          if (firstInf < 0) firstInf = i;
          nInf++;
          out[i] = Number.NaN;
          continue;
        }
        return { at: i };
      }
      const x = Number(v);
      // A literal beyond the float range ("1e309") reads as ±Infinity: same policy as "Infinity".
      if (!Number.isFinite(x)) {
        if (firstInf < 0) firstInf = i;
        nInf++;
        out[i] = Number.NaN;
        continue;
      }
      out[i] = x;
      if (d < minD) minD = d;
      if (d > maxD) maxD = d;
      if (integer && !Number.isInteger(x)) integer = false;
    }
    if (nInf > 0) {
      const row = rowOffset + firstInf + 1;
      if (ctx.nonFinite !== 'missing')
        throw new SynthkitError(
          'BAD_VALUE',
          `"${vals[firstInf]!.trim()}" is not a finite number${Number.isFinite(Number(vals[firstInf])) || isNonFiniteToken(vals[firstInf]!) ? '' : ' (beyond the range of a 64-bit float)'}`,
          {
            column: this.name,
            row,
            hint: "Remove infinite or out-of-range values, or pass nonFinite: 'missing' to read them as missing",
          },
        );
      ctx.warn(`Column "${this.name}": ${nInf} infinite value(s) read as missing (first at row ${row})`);
    }
    this.integer = integer;
    this.minDecimals = minD;
    this.maxDecimals = maxD;
    return { type: 'number', values: out };
  }

  private buildBoolean(vals: readonly string[], ctx: TyperContext): Column | TypeBreak {
    const n = vals.length;
    const out = new Uint8Array(n);
    let pair = this.pair;
    for (let i = 0; i < n; i++) {
      const v = vals[i]!;
      if (v.length <= ctx.missingMaxLength && ctx.missing.has(v)) {
        out[i] = MISSING_BOOL;
        continue;
      }
      if (pair === undefined) {
        pair = booleanPairOf(v);
        if (pair === undefined) return { at: i };
      }
      if (v === pair[0]) out[i] = 1;
      else if (v === pair[1]) out[i] = 0;
      else return { at: i };
    }
    this.pair = pair;
    return { type: 'boolean', values: out };
  }

  private buildDatetime(vals: readonly string[], ctx: TyperContext): Column | TypeBreak {
    const n = vals.length;
    let dt = this.dt;
    if (dt === undefined) {
      const found = detectDatetimeFormat(vals, (i) => ctx.missing.has(vals[i]!));
      if (found === undefined) {
        for (let i = 0; i < n; i++) if (!ctx.missing.has(vals[i]!)) return { at: i };
        return { at: 0 };
      }
      dt = found;
    }
    const stats: DatetimeStats = {
      padding: dt.stats.padding.slice(),
      fracMin: dt.stats.fracMin,
      fracMax: dt.stats.fracMax,
    };
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = vals[i]!;
      if (v.length <= ctx.missingMaxLength && ctx.missing.has(v)) {
        out[i] = Number.NaN;
        continue;
      }
      const ms = dt.codec.parse(v, stats);
      if (Number.isNaN(ms)) return { at: i };
      out[i] = ms;
    }
    this.dt = { base: dt.base, codec: dt.codec, stats };
    return { type: 'datetime', values: out };
  }

  private buildCategorical(vals: readonly string[], ctx: TyperContext): Column {
    return encodeStrings(vals, ctx.missing);
  }
}
