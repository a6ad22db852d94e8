export declare const RUN_MARKER_ENV: 'ROLEDECK_TEST_RUN';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
  /** The kernel's command name (`comm`), at most 15 characters. */
  command: string;
}

export interface SweepResult {
  /** False where there is no /proc to look at. */
  checked: boolean;
  leftovers: ProcessInfo[];
  /** Leftovers still running after SIGKILL (another user's, or stuck in the kernel). */
  survivors: ProcessInfo[];
}

export interface MarkerOptions {
  /** The environment variable holding the marker; ROLEDECK_TEST_RUN by default. */
  env?: string;
}

export declare function newRunMarker(): string;
export declare function canInspectProcesses(): boolean;
export declare function listProcesses(): ProcessInfo[];
export declare function findMarked(marker: string, options?: MarkerOptions): ProcessInfo[];
export declare function sweepMarked(marker: string, options?: MarkerOptions & { graceMs?: number; termMs?: number }): Promise<SweepResult>;
export declare function describeSweep(result: SweepResult): string[];
