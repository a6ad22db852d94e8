import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CredentialProcessCheck } from '../../../shared/domain/credential-process-check';
import { splitCommandLine } from '../../../shared/logic/command-line';
import { redactText } from '../../../shared/logic/redact';
import { formatClockTime } from '../../../shared/logic/time-left';

export interface CredentialProcessCheckOptions {
  env?: NodeJS.ProcessEnv;
  /** An MFA prompt may open in the app while it runs, so the bound is generous. */
  timeoutMs?: number;
  now?: () => number;
}

/** The first line of what the program said on stderr, without its `roledeck: ` prefix, redacted. */
function firstLine(stderr: string): string {
  const line = stderr.split('\n').find((entry) => entry.trim() !== '') ?? '';
  return redactText(line.replace(/^roledeck:\s*/, '').trim());
}

/**
 * Checks the answer against what the AWS CLI and SDKs require of a credential_process program
 * ("Sourcing credentials with an external process": JSON with Version 1, AccessKeyId and
 * SecretAccessKey, optional SessionToken and an ISO 8601 Expiration). Only the verdict leaves this
 * function; the credentials are dropped here.
 */
export function judgeAnswer(stdout: string, now: number): CredentialProcessCheck {
  let answer: unknown;
  try {
    answer = JSON.parse(stdout);
  } catch {
    return { works: false, reason: 'It printed something that is not JSON, so the AWS CLI cannot read credentials from it' };
  }
  if (typeof answer !== 'object' || answer === null) return { works: false, reason: 'Its answer is not a JSON object' };
  const fields = answer as Record<string, unknown>;
  if (fields.Version !== 1) return { works: false, reason: `Its answer has Version ${JSON.stringify(fields.Version ?? null)}; the AWS CLI accepts only 1` };
  const missing = ['AccessKeyId', 'SecretAccessKey'].filter((key) => typeof fields[key] !== 'string' || fields[key] === '');
  if (missing.length > 0) return { works: false, reason: `Its answer has no ${missing.join(' and no ')}` };
  if (fields.Expiration === undefined) return { works: true };
  const expiresAt = typeof fields.Expiration === 'string' ? Date.parse(fields.Expiration) : Number.NaN;
  if (Number.isNaN(expiresAt)) return { works: false, reason: 'Its Expiration is not an ISO 8601 time' };
  if (expiresAt <= now) return { works: false, reason: `Its credentials expired at ${formatClockTime(expiresAt)}` };
  return { works: true, expiresAt };
}

const isAbsolute = (word: string): boolean => word.startsWith('/') || /^[A-Za-z]:[\\/]/.test(word);

/**
 * The program, or the script a Node runs, when the line names it by a full path that is not there:
 * Node's own "Cannot find module" stack would say it far less plainly.
 */
function missingFile(words: readonly string[]): string | undefined {
  const [program, script] = words;
  const candidates = [program, /^node(\.exe)?$/i.test(path.basename(program ?? '')) ? script : undefined];
  return candidates.find((word): word is string => word !== undefined && isAbsolute(word) && !existsSync(word));
}

/**
 * Runs a credential_process line once, as the AWS CLI would: split like botocore splits it, started
 * without a shell, with a time limit; then checks the JSON it prints. The reason for a failure names
 * the step: the line, the program, its exit, or its answer. Output is never logged or returned.
 */
export function checkCredentialProcess(line: string, options: CredentialProcessCheckOptions = {}): Promise<CredentialProcessCheck> {
  const split = splitCommandLine(line);
  if (!split.ok) return Promise.resolve({ works: false, reason: `The line cannot be read: ${split.problem}` });
  const [program, ...args] = split.words;
  const missing = missingFile(split.words);
  if (missing) return Promise.resolve({ works: false, reason: `${missing} does not exist: it was moved or removed` });
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve) => {
    execFile(
      program!,
      args,
      { env: options.env ?? process.env, timeout: timeoutMs, maxBuffer: 1 << 20, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(judgeAnswer(stdout, (options.now ?? Date.now)()));
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          return resolve({
            works: false,
            reason: program!.includes('/') || program!.includes('\\')
              ? `${program} does not exist: it was moved or removed`
              : `${program} is not on the PATH the AWS CLI runs it with, so it cannot be started`,
          });
        }
        if (code === 'EACCES') return resolve({ works: false, reason: `${program} cannot be run: it is not executable` });
        if (error.killed) {
          const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
          return resolve({ works: false, reason: `It did not answer within ${limit} (an MFA prompt nobody answered?)` });
        }
        const said = firstLine(stderr);
        resolve({ works: false, reason: `It ended with exit code ${String(code ?? error.signal ?? 'unknown')}${said ? `: ${said}` : ''}` });
      },
    );
  });
}
