import { agentChannels, type AgentChannelName, type AgentRequestOf, type AgentResponseOf } from '../../../shared/contract/agent';
import { ERROR_CODES, RoledeckError, type ErrorCode } from '../../../shared/contract/errors';
import { readAgentEndpoint, type AgentEndpoint } from './agent-endpoint';
import { exchange, type ExchangeOptions } from './agent-exchange';

export interface AgentClient {
  call<C extends AgentChannelName>(channel: C, request: AgentRequestOf<C>): Promise<AgentResponseOf<C>>;
}

export interface ConnectOptions {
  /** How long a call waits (an MFA prompt in the app may be open); the protocol's default otherwise. */
  timeoutMs?: number;
  /** Something answers on the socket that is not provably the app: told why, in one line, before the keychain is used. */
  onUntrusted?: (why: string) => void;
}

/** The `agent.sessions` snapshot can list many sessions; anything this long is not an answer. */
const MAX_REPLY_BYTES = 4 * 1024 * 1024;
/** The hello that proves the app: it answers from memory, so a hung app does not hold the CLI. */
const HELLO_TIMEOUT_MS = 10_000;

function errorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'INTERNAL';
}

async function call(endpoint: AgentEndpoint, channel: AgentChannelName, request: unknown, options: ExchangeOptions): Promise<unknown> {
  const outcome = await exchange(endpoint, channel, request, { ...options, maxReplyBytes: MAX_REPLY_BYTES });
  switch (outcome.kind) {
    case 'answered': {
      if (!outcome.result.ok) throw new RoledeckError(errorCode(outcome.result.error.code), outcome.result.error.message);
      const parsed = agentChannels[channel].response.safeParse(outcome.result.value);
      if (!parsed.success) throw new RoledeckError('INTERNAL', 'The Roledeck app sent an answer this CLI cannot read. Install the CLI that came with the app.');
      return parsed.data;
    }
    case 'timeout':
      throw new RoledeckError('INTERNAL', 'The Roledeck app did not answer in time. Is an MFA prompt waiting in the app?');
    case 'untrusted':
      throw new RoledeckError('INTERNAL', `Stopped talking to the Roledeck app's socket: ${outcome.why}.`);
    case 'absent':
      throw new RoledeckError('INTERNAL', 'Lost the connection to the Roledeck app. Is it still running?');
  }
}

/**
 * Connects to the running desktop app, or resolves null when it is not running (no endpoint
 * file, or nobody listening) or cannot prove it is the app: the CLI then uses the keychain itself.
 * Every call proves the token both ways (agent-protocol.ts); the first, `agent.hello`, is the check.
 */
export async function connectAgent(home: string, options: ConnectOptions = {}): Promise<AgentClient | null> {
  const endpoint = await readAgentEndpoint(home);
  if (!endpoint) return null;
  const hello = await exchange(endpoint, 'agent.hello', {}, { timeoutMs: HELLO_TIMEOUT_MS });
  if (hello.kind === 'absent') return null;
  if (hello.kind === 'untrusted' || hello.kind === 'timeout') {
    options.onUntrusted?.(hello.kind === 'untrusted' ? hello.why : 'it did not answer');
    return null;
  }
  if (!hello.result.ok) {
    options.onUntrusted?.(hello.result.error.message);
    return null;
  }
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  return {
    call: async (channel, request) => (await call(endpoint, channel, request, timeout)) as AgentResponseOf<typeof channel>,
  };
}
