/**
 * The quick path's question to the running desktop app, over its owner-only socket, before the
 * keychain is touched: one keychain owner means no OS keychain prompt for this second binary, and
 * the app answers from memory (and shows its own MFA prompt if one is needed). Same exchange and
 * handshake as agent.client.ts (agent-exchange.ts), with the answer checked by hand so this path
 * loads no schema library.
 */
import type { ExportableSession } from '../../shared/logic/shell-export';
import { exchange } from '../node/agent/agent-exchange';

export type AppAnswer =
  | { kind: 'served'; session: ExportableSession }
  /** The app answered, and said no (not found, MFA cancelled, …). */
  | { kind: 'refused'; code: string; message: string }
  /** Something answered that is not provably the app: the keychain path, saying why. */
  | { kind: 'untrusted'; why: string }
  /** No app running (no endpoint file, or nobody listening): the keychain path. */
  | { kind: 'absent' };

/** The one line the CLI prints when something on the app's socket cannot prove it is the app. */
export function untrustedAppLine(why: string): string {
  return `roledeck: not using the Roledeck app's socket (${why}); reading the keychain instead.\n`;
}

function sessionOf(value: unknown): ExportableSession | null {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof ExportableSession, unknown>>;
  const optional = (field: unknown, type: 'string' | 'number') => field === undefined || typeof field === type;
  if (typeof v.profileName !== 'string' || typeof v.accessKeyId !== 'string' || typeof v.secretAccessKey !== 'string') return null;
  if (!optional(v.sessionToken, 'string') || !optional(v.expiresAt, 'number') || !optional(v.region, 'string')) return null;
  return {
    profileName: v.profileName,
    accessKeyId: v.accessKeyId,
    secretAccessKey: v.secretAccessKey,
    ...(v.sessionToken === undefined ? {} : { sessionToken: v.sessionToken as string }),
    ...(v.expiresAt === undefined ? {} : { expiresAt: v.expiresAt as number }),
    ...(v.region === undefined ? {} : { region: v.region as string }),
  };
}

export async function askRunningApp(home: string, profile: string, purpose: 'credential-process' | 'export'): Promise<AppAnswer> {
  let endpoint: { socket?: unknown; token?: unknown };
  try {
    endpoint = JSON.parse(process.getBuiltinModule('node:fs').readFileSync(process.getBuiltinModule('node:path').join(home, 'agent.json'), 'utf8')) as typeof endpoint;
  } catch {
    return { kind: 'absent' };
  }
  if (typeof endpoint.socket !== 'string' || typeof endpoint.token !== 'string') return { kind: 'absent' };
  const outcome = await exchange({ socket: endpoint.socket, token: endpoint.token }, 'agent.credentials', { profile, purpose });
  switch (outcome.kind) {
    case 'absent':
    case 'untrusted':
      return outcome;
    case 'timeout':
      return { kind: 'refused', code: 'INTERNAL', message: 'The Roledeck app did not answer in time. Is an MFA prompt waiting in the app?' };
    case 'answered': {
      if (!outcome.result.ok) return { kind: 'refused', ...outcome.result.error };
      const session = sessionOf(outcome.result.value);
      return session
        ? { kind: 'served', session }
        : { kind: 'refused', code: 'INTERNAL', message: 'The Roledeck app sent an answer this CLI cannot read. Install the CLI that came with the app.' };
    }
  }
}
