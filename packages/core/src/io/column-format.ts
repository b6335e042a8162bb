/**
 * What writing needs to reproduce a column in the style it was read in: "41.0" stays "41.0",
 * "2019-03-23 20:21:09" keeps its format, "yes"/"no" keep their tokens.
 */
export type ColumnFormat = NumberFormat | DatetimeFormat | BooleanFormat | TextFormat;

export interface NumberFormat {
  kind: 'number';
  /** Every value is a whole number. */
  integer: boolean;
  /** Fewest and most digits after the decimal point seen in the input ("41.0" has 1). */
  minDecimals: number;
  maxDecimals: number;
}

export interface DatetimeFormat {
  kind: 'datetime';
  /** strftime-style, e.g. "%Y-%m-%d %H:%M:%S". */
  format: string;
}

export interface BooleanFormat {
  kind: 'boolean';
  trueToken: string;
  falseToken: string;
}

export interface TextFormat {
  kind: 'text';
}
