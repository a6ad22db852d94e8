// Figures: the numbers a run measured (canaries searched, payloads fuzzed, kills survived ...).
// Tests append one JSON line each to test-results/figures.jsonl (test/fixtures/figures.ts); the
// suite runner prints them together in one "Figures" block before its closing line.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const FIGURES_ENV = 'ROLEDECK_FIGURES_FILE';

/** The file figures go to: $ROLEDECK_FIGURES_FILE, else test-results/figures.jsonl in the checkout. */
export function figuresFile(env = process.env, root = path.resolve(import.meta.dirname, '../..')) {
  return env[FIGURES_ENV] || path.join(root, 'test-results', 'figures.jsonl');
}

export function clearFigures(file) {
  rmSync(file, { force: true });
}

/**
 * Reads the figure lines and merges them by name: numbers recorded under one name are added up
 * (two test files searching canaries give one total), any other value keeps the latest. A line that
 * is not a figure is reported, not dropped silently.
 */
export function readFigures(file) {
  if (!existsSync(file)) return { figures: [], malformed: 0 };
  const merged = new Map();
  let malformed = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      malformed += 1;
      continue;
    }
    const valid =
      typeof entry === 'object' && entry !== null && typeof entry.figure === 'string' && entry.figure.trim() !== '' &&
      ((typeof entry.value === 'number' && Number.isFinite(entry.value)) || typeof entry.value === 'string');
    if (!valid) {
      malformed += 1;
      continue;
    }
    const previous = merged.get(entry.figure);
    const value = typeof entry.value === 'number' && typeof previous?.value === 'number' ? previous.value + entry.value : entry.value;
    merged.set(entry.figure, { figure: entry.figure, value, recordings: (previous?.recordings ?? 0) + 1 });
  }
  return { figures: [...merged.values()], malformed };
}

/** The block the suite prints; empty when no test recorded a figure. */
export function formatFigures({ figures, malformed }) {
  if (figures.length === 0 && malformed === 0) return [];
  const width = Math.max(0, ...figures.map((entry) => entry.figure.length));
  const lines = ['Figures'];
  for (const entry of figures) {
    const value = typeof entry.value === 'number' ? entry.value.toLocaleString('en-US') : entry.value;
    lines.push(`  ${entry.figure.padEnd(width)}  ${value}`);
  }
  if (malformed > 0) lines.push(`  (${malformed} line${malformed === 1 ? '' : 's'} in the figures file could not be read)`);
  return lines;
}
