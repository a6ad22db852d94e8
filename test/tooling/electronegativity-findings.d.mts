export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';

export interface Finding {
  check: string;
  severity: Severity;
  confidence: 'TENTATIVE' | 'FIRM' | 'CERTAIN';
  /** Relative to the scanned directory (the repository layout), or N/A. */
  file: string;
  line: number;
  column: number;
  description: string;
  sample: string | null;
}

export interface ReviewedException {
  check: string;
  file: string;
  /** Why the finding does not apply, in a sentence a reviewer can check against the code. */
  reason: string;
  /** The test file that shows the protection the tool could not see. */
  shownBy: string;
}

export interface Review {
  unreviewed: Finding[];
  excused: Array<{ finding: Finding; exception: ReviewedException }>;
  informational: Finding[];
  stale: ReviewedException[];
}

export declare const SEVERITIES: readonly Severity[];
export declare function isAboveInformational(finding: Finding): boolean;
export declare function exceptionProblems(exceptions: ReadonlyArray<Partial<ReviewedException>>): string[];
export declare function reviewFindings(findings: readonly Finding[], exceptions: readonly ReviewedException[]): Review;
export declare function describeFinding(finding: Finding): string;
