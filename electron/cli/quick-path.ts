/**
 * The quick path of `credential-process` (every form a user writes: by name, `--id`, `--home`)
 * and `export <profile>` (every format): the running app over its socket, else one keychain item.
 * Anything it cannot answer goes to the full CLI, which explains, prompts and refreshes.
 */
import { credentialProcessJson, formatExport, type ExportableSession } from '../../shared/logic/shell-export';
import { resolveAppHome } from '../node/app/app-home';
import { cachedRoleSession, keptSessionByName } from './cached-credential-process';
import type { KeyringBinding } from './keyring-binding';
import { askRunningApp, untrustedAppLine } from './quick-agent.client';
import { quickRequest, type QuickRequest } from './quick-request';
import { quickAuditLog, recordServed } from './served-audit';

export interface QuickIo {
  out(text: string): void;
  err(text: string): void;
}

export type QuickOutcome =
  | { kind: 'done'; exitCode: number }
  /** The full CLI runs; `skipApp` when the app's socket was already found untrustworthy (said once). */
  | { kind: 'full'; skipApp: boolean };

function render(request: QuickRequest, session: ExportableSession): string | null {
  if (request.command === 'credential-process') return `${JSON.stringify(credentialProcessJson(session))}\n`;
  try {
    return formatExport(request.format, session);
  } catch {
    return null; // a value the format cannot carry: the full path says which
  }
}

async function refusal(code: string, message: string, err: (text: string) => void): Promise<number> {
  const [{ reportError }, { RoledeckError, ERROR_CODES }] = await Promise.all([import('./errors'), import('../../shared/contract/errors')]);
  const known = (ERROR_CODES as readonly string[]).includes(code) ? (code as (typeof ERROR_CODES)[number]) : 'INTERNAL';
  return reportError(new RoledeckError(known, message), err);
}

/**
 * After the answer is written. The AWS CLI waits for this process to exit, so the append is part of
 * every call's time: a few small syscalls under the log's lock (measured in README.md's bench figures).
 */
function recordQuick(home: string, request: QuickRequest, id: string | undefined, via: 'app' | 'keychain', at: number): Promise<void> {
  return recordServed(
    quickAuditLog(home),
    { command: request.command, profile: { ...(id !== undefined ? { id } : {}), name: request.ref }, via, ...(request.command === 'export' ? { format: request.format } : {}) },
    at,
  );
}

/** `loadKeyring`: where the keychain binding comes from (its npm package, or beside the single executable). */
export async function runQuickPath(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: QuickIo,
  loadKeyring: () => Promise<KeyringBinding>,
  now: () => number = Date.now,
): Promise<QuickOutcome> {
  const request = quickRequest(argv, env);
  if (!request) return { kind: 'full', skipApp: false };
  const home = request.home === undefined ? resolveAppHome(env) : process.getBuiltinModule('node:path').resolve(request.home);
  const id = request.command === 'credential-process' ? request.id : undefined;
  let skipApp = env.ROLEDECK_NO_AGENT === '1';
  if (!skipApp) {
    const answer = await askRunningApp(home, id ?? request.ref, request.command);
    if (answer.kind === 'served') {
      const text = render(request, answer.session);
      if (text === null) return { kind: 'full', skipApp: false };
      io.out(text);
      await recordQuick(home, request, id, 'app', now());
      return { kind: 'done', exitCode: 0 };
    }
    if (answer.kind === 'refused') {
      // Not found: the full path says which credential_process line outlived its profile.
      if (answer.code === 'NOT_FOUND') return { kind: 'full', skipApp: false };
      return { kind: 'done', exitCode: await refusal(answer.code, answer.message, io.err) };
    }
    if (answer.kind === 'untrusted') {
      io.err(untrustedAppLine(answer.why));
      skipApp = true;
    }
  }
  const cached = id ? await cachedRoleSession(id, loadKeyring, now()) : await keptSessionByName(home, request.ref, loadKeyring, now());
  const text = cached && render(request, { profileName: request.ref, ...cached });
  if (!text) return { kind: 'full', skipApp };
  io.out(text);
  await recordQuick(home, request, id, 'keychain', now());
  return { kind: 'done', exitCode: 0 };
}
