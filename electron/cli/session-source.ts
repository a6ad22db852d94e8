import { RoledeckError } from '../../shared/contract/errors';
import type { ExportableSession } from '../../shared/logic/shell-export';
import { resolveAppHome } from '../node/app/app-home';
import type { CliContext } from './context';
import { untrustedAppLine } from './quick-agent.client';
import { forgetAnswer, keepAnswer, quickState } from './session-by-name';

export type Purpose = 'export' | 'exec' | 'credential-process' | 'server' | 'deploy' | 'console';

/**
 * Session credentials for a CLI command. When the desktop app runs, it is asked over its socket
 * (one keychain owner, and its MFA broker shows the one prompt); otherwise the CLI uses the
 * keychain cache itself and asks for an MFA code on the terminal if there is one. `onKeychain` is
 * called when the keychain path is taken.
 */
export async function sessionFor(
  context: CliContext,
  profile: string,
  purpose: Purpose,
  options: { onKeychain?: () => void } = {},
): Promise<ExportableSession & { via: 'app' | 'keychain' }> {
  if (context.env.ROLEDECK_NO_AGENT !== '1') {
    const { connectAgent } = await import('../node/agent/agent.client');
    const agent = await connectAgent(resolveAppHome(context.env), { onUntrusted: (why) => context.io.stderr(untrustedAppLine(why)) });
    if (agent) return { via: 'app', ...(await agent.call('agent.credentials', { profile, purpose })) };
  }
  options.onKeychain?.();
  return { via: 'keychain', ...(await (await context.sessions()).exportable(profile, { interactive: true })) };
}

/**
 * sessionFor, and for a profile named by name, the answer kept for the quick path's next call
 * (session-by-name.ts); a name that no longer resolves has its kept answer forgotten.
 */
export async function keptSessionFor(
  context: CliContext,
  target: { ref: string; byName: boolean },
  purpose: Purpose,
): Promise<ExportableSession & { via: 'app' | 'keychain' }> {
  if (!target.byName) return sessionFor(context, target.ref, purpose);
  const home = resolveAppHome(context.env);
  // Before the store is read: the kept answer must come from one version of the store and sessions.
  const before = quickState(home);
  let viaKeychain = false;
  try {
    const session = await sessionFor(context, target.ref, purpose, { onKeychain: () => (viaKeychain = true) });
    if (session.via === 'keychain') {
      await keepAnswer(await context.secrets(), home, target.ref, before, session).catch((error: unknown) => {
        context.logger.debug('could not keep the answer for the next by-name call', { error });
      });
    }
    return session;
  } catch (error) {
    if (viaKeychain && error instanceof RoledeckError && error.code === 'NOT_FOUND') await forgetAnswer(await context.secrets(), home, target.ref).catch(() => false);
    throw error;
  }
}
