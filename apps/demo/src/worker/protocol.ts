/**
 * Messages between the page and the studio worker. Everything here is structured-clone safe:
 * plain data, Blobs and Files; tables never cross (they stay in the worker).
 */
import type { Metadata } from '@synthkit/core';
import type { ReportSection } from '@synthkit/report';

export type GeneratorChoice = 'copula' | 'ctgan' | 'tvae';

export type Source =
  | { readonly kind: 'file'; readonly file: File; readonly encoding?: string }
  | { readonly kind: 'url'; readonly url: string; readonly name: string };

export interface GenerateRequest {
  readonly generator: GeneratorChoice;
  readonly metadata: Metadata;
  readonly rows: number;
  readonly seed: number;
  /** Neural generators only. */
  readonly epochs: number;
  /** "column=value" lines, as the CLI's --condition. */
  readonly conditions: Readonly<Record<string, string | { min?: number; max?: number }>>;
  readonly privacy: boolean;
  /** Detection and utility metrics (slower); quality and diagnostics always run. */
  readonly deepEvaluation: boolean;
}

export type Command =
  | { readonly type: 'load'; readonly source: Source }
  | { readonly type: 'generate'; readonly request: GenerateRequest }
  | { readonly type: 'cancel' }
  | { readonly type: 'report-html' };

export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  readonly column?: string;
  readonly row?: number;
}

export interface LoadedInfo {
  readonly name: string;
  readonly bytes: number;
  readonly rows: number;
  readonly columns: readonly string[];
  readonly metadata: Metadata;
  /** First rows as text, for the preview table. */
  readonly preview: readonly (readonly string[])[];
  /** Things the user should know about how the file was read (encoding, rows used, warnings). */
  readonly notices: readonly string[];
  readonly encoding: string;
  /** core's PII kinds, for the metadata editor (the page imports no runtime code from core). */
  readonly piiKinds: readonly string[];
}

export interface Timings {
  readonly fitSeconds: number;
  readonly sampleSeconds: number;
  readonly evaluateSeconds: number;
  readonly auditSeconds: number;
}

export interface GeneratedInfo {
  readonly rows: number;
  readonly columns: readonly string[];
  readonly preview: readonly (readonly string[])[];
  readonly csv: Blob;
  readonly metadataJson: Blob;
  readonly model: Blob;
  readonly manifest: Blob;
  readonly quality: number | null;
  readonly sections: readonly ReportSection[];
  readonly privacy: {
    readonly summary: string;
    readonly sections: readonly ReportSection[];
  } | null;
  readonly notices: readonly string[];
  readonly timings: Timings;
  readonly generator: string;
  readonly backend?: string;
}

export type Event =
  | { readonly type: 'loaded'; readonly info: LoadedInfo }
  | {
      readonly type: 'progress';
      readonly stage: string;
      readonly done: number;
      readonly total: number;
      readonly message?: string;
    }
  | { readonly type: 'generated'; readonly info: GeneratedInfo }
  | { readonly type: 'report-html'; readonly html: Blob }
  | { readonly type: 'cancelled' }
  | { readonly type: 'error'; readonly during: 'load' | 'generate' | 'report'; readonly error: ErrorInfo };
