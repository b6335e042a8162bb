/** Colours shared by every report so that "real" and "synthetic" look the same everywhere. */
export const COLORS = {
  real: '#1f4e79',
  synthetic: '#e8772e',
  good: '#2e7d32',
  fair: '#b58900',
  poor: '#c62828',
  muted: '#6b7280',
} as const;

/** Score colour bands: ≥ 0.8 good, ≥ 0.6 fair, else poor. */
export function scoreColor(v: number): string {
  return v >= 0.8 ? COLORS.good : v >= 0.6 ? COLORS.fair : COLORS.poor;
}

export const CSS = `
:root { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; background: #f7f7f9; }
body { margin: 0; }
header { background: #fff; border-bottom: 1px solid #e5e7eb; padding: 24px 32px 16px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header p { margin: 0; color: ${COLORS.muted}; }
nav { margin-top: 12px; display: flex; flex-wrap: wrap; gap: 12px; font-size: 14px; }
nav a { color: ${COLORS.real}; text-decoration: none; }
main { max-width: 1200px; margin: 0 auto; padding: 16px 32px 48px; }
section { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 16px 20px; margin: 16px 0; }
section h2 { margin: 0 0 6px; font-size: 18px; }
section > p.intro { margin: 0 0 12px; color: ${COLORS.muted}; font-size: 14px; }
.scores { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0; }
.score { border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 14px; min-width: 150px; }
.score .label { font-size: 13px; color: ${COLORS.muted}; }
.score .value { font-size: 26px; font-weight: 600; }
.score .hint { font-size: 12px; color: ${COLORS.muted}; max-width: 220px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0; }
caption { text-align: left; color: ${COLORS.muted}; padding: 4px 0; }
th, td { border-bottom: 1px solid #eef0f3; padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: #f3f4f6; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.grid { display: grid; gap: 12px; }
.chart { width: 100%; min-width: 0; }
.text { font-size: 14px; }
footer { color: ${COLORS.muted}; font-size: 12px; text-align: center; padding: 16px; }
.legend-key { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; }
@media (max-width: 800px) { .grid { grid-template-columns: 1fr !important; } main { padding: 8px; } }
`;
