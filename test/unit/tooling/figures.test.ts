import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordFigure } from '../../fixtures/figures';
import { FIGURES_ENV, formatFigures, readFigures } from '../../tooling/figures.mjs';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'roledeck-figures-'));
  file = path.join(dir, 'results', 'figures.jsonl');
  vi.stubEnv(FIGURES_ENV, file);
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('the figures a run prints', () => {
  it('collects what tests record into one block, adding up numbers recorded under one name', () => {
    recordFigure('kills survived', 300);
    recordFigure('canaries searched', 12);
    recordFigure('kills survived', 212);
    recordFigure('audit chain verified', 'yes, 40 entries');
    expect(formatFigures(readFigures(file))).toEqual([
      'Figures',
      '  kills survived        512',
      '  canaries searched     12',
      '  audit chain verified  yes, 40 entries',
    ]);
  });

  it('says so when a line of the file is not a figure, instead of dropping it silently', () => {
    recordFigure('payloads fuzzed', 1000);
    appendFileSync(file, 'not json\n{"figure": "", "value": 3}\n{"figure": "x", "value": null}\n');
    const read = readFigures(file);
    expect(read.figures).toEqual([{ figure: 'payloads fuzzed', value: 1000, recordings: 1 }]);
    expect(formatFigures(read).at(-1)).toBe('  (3 lines in the figures file could not be read)');
  });

  it('prints nothing when no test recorded a figure', () => {
    expect(formatFigures(readFigures(file))).toEqual([]);
  });

  it('writes one JSON line per figure, and shows it in the test output too', () => {
    recordFigure('kills survived', 1);
    expect(readFileSync(file, 'utf8')).toBe('{"figure":"kills survived","value":1}\n');
    expect(console.log).toHaveBeenCalledWith('figure: kills survived: 1');
  });
});
