/**
 * The app's main side in this process, as the desktop app and the web host build it (real
 * keychain, encrypted store, ~/.aws, AWS SDK against moto), with everything that leaves it
 * recorded: every log line, and every message a renderer would receive (each call's result and
 * every event). Plus the CLI agent socket, so the built CLI asks this app as it asks the real one.
 */
import { startAgentServer, type AgentServer } from '../../../electron/node/agent/agent.server';
import { createAgentHandlers } from '../../../electron/node/app/agent-handlers';
import { createNodePorts } from '../../../electron/node/app/node-ports';
import { createRouter } from '../../../electron/node/app/services';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import type { Result } from '../../../shared/contract';
import { MemoryClipboard } from '../../fakes/memory.clipboard';

export interface RecordedApp {
  /** Calls a channel as the renderer does; throws if the result is an error, unless `allowError`. */
  call(channel: string, payload: unknown, options?: { allowError?: boolean }): Promise<unknown>;
  /** JSON of every result and event sent towards the renderer, in order. */
  toRenderer: string[];
  logLines: string[];
  clipboard: MemoryClipboard;
  /** Answers every MFA prompt with this code, as the person at the app would. */
  answerMfaWith(code: string): void;
  close(): Promise<void>;
}

export async function startRecordedApp(home: string): Promise<RecordedApp> {
  const logLines: string[] = [];
  const toRenderer: string[] = [];
  const clipboard = new MemoryClipboard();
  const logger = new StreamLogger((line) => logLines.push(line), 'debug');
  const ports = {
    ...createNodePorts({ home, logger, runtime: { name: 'Roledeck', version: 'test', platform: 'linux', runtime: { kind: 'node', version: process.versions.node } } }),
    clipboard,
  };
  const { router, services } = createRouter(ports);
  let mfaCode: string | null = null;
  const unsubscribe = router.subscribe((event, payload) => {
    toRenderer.push(JSON.stringify({ event, payload }));
    if (event === 'mfa.prompt' && mfaCode) {
      const prompt = payload as { id: string };
      void call('mfa.answer', { promptId: prompt.id, code: mfaCode });
    }
  });
  const call = async (channel: string, payload: unknown, options: { allowError?: boolean } = {}): Promise<unknown> => {
    const result: Result<unknown> = await router.dispatch(channel, payload, { transport: 'direct' });
    toRenderer.push(JSON.stringify({ channel, result }));
    if (!result.ok && !options.allowError) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.ok ? result.value : result.error;
  };
  const agent: AgentServer = await startAgentServer({ home, handlers: createAgentHandlers(services, { version: 'test' }), logger });
  return {
    call,
    toRenderer,
    logLines,
    clipboard,
    answerMfaWith: (code) => {
      mfaCode = code;
    },
    close: async () => {
      unsubscribe();
      await agent.close();
      services.refresh.stop();
      await services.cloudfrontSigner.close();
    },
  };
}
