/**
 * Benchmark harness: every figure is printed beside a reference measured in the same run on the
 * same machine, so the ratio means something on a loaded CI box as well as on a laptop.
 */
export interface Figure {
  name: string;
  /** The measured value and the reference, in the same unit. */
  value: number;
  reference: number;
  referenceName: string;
  unit: string;
  /** The budget as a ratio value/reference, when the design sets one. */
  budgetRatio?: number;
  /** Set when a higher value is better (throughput); ratio budgets then read as "at least". */
  higherIsBetter?: boolean;
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `fn` in batches and returns the median time per call in microseconds. */
export async function microsPerCall(fn: () => unknown, { batches = 15, perBatch = 2000 } = {}): Promise<number> {
  for (let i = 0; i < perBatch; i += 1) await fn(); // warm-up
  const samples: number[] = [];
  for (let batch = 0; batch < batches; batch += 1) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i += 1) await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1000 / perBatch);
  }
  return median(samples);
}

function format(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(3);
}

export function verdict(figure: Figure): string {
  if (figure.budgetRatio === undefined) return '';
  const ratio = figure.value / figure.reference;
  const ok = figure.higherIsBetter ? ratio >= figure.budgetRatio : ratio <= figure.budgetRatio;
  return `${ok ? 'within' : 'OVER'} budget ${figure.higherIsBetter ? '≥' : '≤'}${figure.budgetRatio}×`;
}

export function printFigures(figures: Figure[]): void {
  const rows = figures.map((figure) => [
    figure.name,
    `${format(figure.value)} ${figure.unit}`,
    `${format(figure.reference)} ${figure.unit} (${figure.referenceName})`,
    `${(figure.value / figure.reference).toFixed(2)}×`,
    verdict(figure),
  ]);
  const header = ['figure', 'value', 'reference, same run', 'ratio', 'budget'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}
