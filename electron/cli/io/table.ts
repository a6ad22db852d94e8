import type { CliIo } from './terminal';

/** A plain aligned table for humans; scripts use --json. */
export function printTable(io: CliIo, header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  io.stdout(`${line(header)}\n`);
  for (const row of rows) io.stdout(`${line(row)}\n`);
}
