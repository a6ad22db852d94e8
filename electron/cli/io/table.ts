import type { CliIo } from './terminal';

/** The lines of a plain aligned table. */
export function tableLines(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)];
}

/** A plain aligned table for humans; scripts use --json. */
export function printTable(io: CliIo, header: string[], rows: string[][]): void {
  for (const line of tableLines(header, rows)) io.stdout(`${line}\n`);
}
