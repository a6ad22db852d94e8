import { z } from 'zod';
import { ProfileNameSchema } from '../domain/profile';
import { SessionsSnapshotSchema } from '../domain/session';

/**
 * The CLI agent contract: what the `roledeck` CLI may ask the running desktop app over its
 * per-user local socket. Unlike the IPC contract, `agent.credentials` returns session credentials:
 * this contract is served only on the owner-only socket with a random token, never to a renderer.
 */
export const agentChannels = {
  'agent.hello': { request: z.object({}).strict(), response: z.object({ app: z.literal('roledeck'), version: z.string(), pid: z.number() }) },
  'agent.credentials': {
    request: z
      .object({
        profile: ProfileNameSchema,
        /** What the CLI will do with them, for the app's prompt and log. */
        purpose: z.enum(['export', 'exec', 'credential-process', 'server', 'deploy', 'console']),
      })
      .strict(),
    response: z
      .object({
        profileName: z.string(),
        accessKeyId: z.string(),
        secretAccessKey: z.string(),
        sessionToken: z.string().optional(),
        expiresAt: z.number().optional(),
        region: z.string().optional(),
      })
      .strict(),
  },
  'agent.sessions': { request: z.object({}).strict(), response: SessionsSnapshotSchema },
} as const;

export type AgentChannels = typeof agentChannels;
export type AgentChannelName = keyof AgentChannels;
export type AgentRequestOf<C extends AgentChannelName> = z.input<AgentChannels[C]['request']>;
export type AgentResponseOf<C extends AgentChannelName> = z.output<AgentChannels[C]['response']>;
