/** Every error a user can cause. `code` is stable (scripts match on it), `hint` says what to do. */
export type SynthkitErrorCode =
  | 'EMPTY_INPUT'
  | 'NO_ROWS'
  | 'BAD_HEADER'
  | 'DUPLICATE_COLUMN'
  | 'EMPTY_COLUMN_NAME'
  | 'RAGGED_ROW'
  | 'BAD_DELIMITER'
  | 'PARSE_ERROR'
  | 'UNKNOWN_COLUMN'
  | 'MISSING_COLUMN'
  | 'BAD_METADATA'
  | 'BAD_VALUE'
  | 'TYPE_MISMATCH'
  | 'CONSTRAINT_VIOLATED_BY_DATA'
  | 'CONSTRAINT_UNSATISFIABLE'
  | 'CONDITION_UNSATISFIABLE'
  | 'BAD_CONDITION'
  | 'BAD_OPTION'
  | 'UNSUPPORTED'
  | 'NOT_FITTED'
  | 'ABORTED'
  | 'BAD_ARTIFACT'
  | 'ARTIFACT_VERSION'
  | 'PLUGIN_NOT_FOUND'
  | 'BAD_PLUGIN'
  | 'IO_ERROR'
  | 'TRAINING_DIVERGED'
  | 'BACKEND_UNAVAILABLE'
  | 'BAD_SPEC'
  /** A command or function called wrongly (unknown option, missing argument). */
  | 'USAGE'
  | 'INTERNAL';

export interface SynthkitErrorDetails {
  /** The column at fault, when there is one. */
  column?: string;
  /** 1-based data row (header excluded) at fault, when there is one. */
  row?: number;
  /** What the user can do about it, as one sentence. */
  hint?: string;
  cause?: unknown;
}

export class SynthkitError extends Error {
  override readonly name = 'SynthkitError';
  readonly code: SynthkitErrorCode;
  readonly column: string | undefined;
  readonly row: number | undefined;
  readonly hint: string | undefined;

  constructor(code: SynthkitErrorCode, message: string, details: SynthkitErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.column = details.column;
    this.row = details.row;
    this.hint = details.hint;
  }

  /** One line for a terminal: `[CODE] message (column "x", row 3). hint` */
  toLine(): string {
    const where = [
      this.column !== undefined ? `column "${this.column}"` : undefined,
      this.row !== undefined ? `row ${this.row}` : undefined,
    ].filter(Boolean);
    const at = where.length > 0 ? ` (${where.join(', ')})` : '';
    return `[${this.code}] ${this.message}${at}${this.hint ? `. ${this.hint}` : ''}`;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, column: this.column, row: this.row, hint: this.hint };
  }
}

export function isSynthkitError(e: unknown): e is SynthkitError {
  return e instanceof Error && (e as { name?: string }).name === 'SynthkitError' && 'code' in e;
}
