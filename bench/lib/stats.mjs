// The bench's arithmetic and its one table: medians and percentiles of what the rounds measured,
// ratios, goals marked met or not met, and the Markdown the bench prints and writes.
//
// Invariants: a value that was not measured (no sample) is shown as "not measured" with its
// reason, never as a number; a goal whose inputs were not measured is "not measured", never "met".

/** The median of `samples` (numbers); undefined when there are none. */
export function median(samples) {
  return percentile(samples, 50);
}

/**
 * The `p`th percentile (0–100) of `samples`, nearest-rank: the smallest sample with at least p%
 * of the samples at or below it. Undefined when there are none.
 */
export function percentile(samples, p) {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** `a / b` when both are measured and b is not 0. */
export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : undefined;
}

/** Milliseconds as the table shows them: "12.3 ms" under 100, "123 ms" from there on. */
export function ms(value) {
  if (!Number.isFinite(value)) return 'not measured';
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString('en-US')} ms`;
}

/** Bytes as "12.3 KB" / "4.5 MB" (1 KB = 1024 bytes, as bench/widget-size counts). */
export function bytes(value) {
  if (!Number.isFinite(value)) return 'not measured';
  if (value < 1024 * 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${(value / 1024 / 1024).toFixed(1)} MB`;
}

/** A ratio as "4.2×". */
export function times(value) {
  return Number.isFinite(value) ? `${value.toFixed(1)}×` : 'not measured';
}

/** A plain count, or the median of counts when it varied ("1–2, median 1"). */
export function count(samples) {
  const measured = samples.filter(Number.isFinite);
  if (measured.length === 0) return 'not measured';
  const low = Math.min(...measured);
  const high = Math.max(...measured);
  return low === high ? String(low) : `${low}–${high}, median ${median(measured)}`;
}

/**
 * A goal's verdict: `met` is a function of the measured values, called only when all are
 * measured. Returns "met", "not met" or "not measured".
 */
export function verdict(values, met) {
  if (!values.every(Number.isFinite)) return 'not measured';
  return met(...values) ? 'met' : 'not met';
}

/** Escapes a cell for a Markdown table (pipes, line breaks). */
function cell(text) {
  return String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table of `header` (cells) and `rows` (arrays of cells, as many as the header). */
export function markdownTable(header, rows) {
  for (const row of rows) {
    if (row.length !== header.length) throw new Error(`a row of ${row.length} cells under a header of ${header.length}: ${row.join(' | ')}`);
  }
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
