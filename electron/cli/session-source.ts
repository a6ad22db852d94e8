import type { ExportableSession } from '../../shared/logic/shell-export';
import { resolveAppHome } from '../node/app/app-home';
import type { CliContext } from './context';

export type Purpose = 'export' | 'exec' | 'credential-process' | 'server' | 'deploy';

/**
 * Session credentials for a CLI command. When the desktop app runs, it is asked over its socket
 * (one keychain owner, and its MFA broker shows the one prompt); otherwise the CLI uses the
 * keychain cache itself and asks for an MFA code on the terminal if there is one.
 */
export async function sessionFor(context: CliContext, profile: string, purpose: Purpose): Promise<ExportableSession & { via: 'app' | 'keychain' }> {
  if (context.env.ROLEDECK_NO_AGENT !== '1') {
    const { connectAgent } = await import('../node/agent/agent.client');
    const agent = await connectAgent(resolveAppHome(context.env));
    if (agent) return { via: 'app', ...(await agent.call('agent.credentials', { profile, purpose })) };
  }
  return { via: 'keychain', ...(await (await context.sessions()).exportable(profile, { interactive: true })) };
}
