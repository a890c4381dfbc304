// Small statistics for benchmarks: median of repeated rounds and a printed ratio to a same-run baseline.

/** The median of a non-empty list of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Formats a rate with thousands separators. */
export function rate(value) {
  return Math.round(value).toLocaleString('en-US');
}

/** One line: name, median rate, the baseline's median and the ratio between them. */
export function ratioLine(name, medianRate, baselineRate, unit = 'ops/s') {
  const ratio = medianRate / baselineRate;
  return `${name.padEnd(44)} ${rate(medianRate).padStart(12)} ${unit}   baseline ${rate(baselineRate).padStart(12)} ${unit}   ratio ${ratio.toFixed(3)}`;
}
