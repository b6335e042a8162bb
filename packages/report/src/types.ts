/**
 * A report is data: a title and sections of blocks. The evaluation report and the privacy report
 * build their own sections from the builders in blocks/ and render them with `renderReport`.
 */
export interface ReportDocument {
  readonly title: string;
  readonly subtitle?: string;
  readonly sections: readonly ReportSection[];
  /** Small print at the bottom (e.g. versions, seed, timings). */
  readonly footer?: string;
}

export interface ReportSection {
  /** Anchor for the table of contents; derived from the title when absent. */
  readonly id?: string;
  readonly title: string;
  /** One short paragraph under the heading: what the section shows and how to read it. */
  readonly intro?: string;
  readonly blocks: readonly ReportBlock[];
}

export type ReportBlock = ScoresBlock | TableBlock | ChartBlock | TextBlock | GridBlock;

export interface ScoreItem {
  readonly label: string;
  /** null = not computable; say why in `hint`. */
  readonly value: number | null;
  /** 'score': 0–1 shown as a percentage with a colour band; 'number': as is. */
  readonly format?: 'score' | 'number';
  readonly hint?: string;
}

export interface ScoresBlock {
  readonly kind: 'scores';
  readonly items: readonly ScoreItem[];
}

export type Cell = string | number | null;

export interface TableBlock {
  readonly kind: 'table';
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  readonly caption?: string;
  /** Column indices whose numbers are 0–1 scores (coloured). */
  readonly scoreColumns?: readonly number[];
}

/** An ECharts option object (plain JSON), rendered with the SVG renderer. */
export type ChartOption = Record<string, unknown>;

export interface ChartBlock {
  readonly kind: 'chart';
  readonly option: ChartOption;
  /** Pixel height; width follows the page. */
  readonly height?: number;
}

export interface TextBlock {
  readonly kind: 'text';
  readonly text: string;
}

/** Blocks side by side (wrapping on narrow screens). */
export interface GridBlock {
  readonly kind: 'grid';
  readonly columns: number;
  readonly blocks: readonly ReportBlock[];
}
