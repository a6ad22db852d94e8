export declare const FIGURES_ENV: 'ROLEDECK_FIGURES_FILE';

export interface Figure {
  figure: string;
  value: number | string;
  /** How many lines were merged into this one. */
  recordings: number;
}

export interface FiguresRead {
  figures: Figure[];
  malformed: number;
}

export declare function figuresFile(env?: Readonly<Record<string, string | undefined>>, root?: string): string;
export declare function clearFigures(file: string): void;
export declare function readFigures(file: string): FiguresRead;
export declare function formatFigures(read: FiguresRead): string[];
