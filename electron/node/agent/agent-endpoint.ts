import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-file';

/**
 * Where the running app listens for the CLI, and with which token: `<home>/agent.json`, mode
 * 0600, in the Roledeck data folder (mode 0700). Only the same OS user can read it, so only that
 * user's CLI can talk to the app.
 */
export const AgentEndpointSchema = z.object({
  socket: z.string(),
  token: z.string().min(32),
  pid: z.number().int(),
});
export type AgentEndpoint = z.infer<typeof AgentEndpointSchema>;

export function agentEndpointFile(home: string): string {
  return path.join(home, 'agent.json');
}

/**
 * The socket path. Unix socket paths are limited to ~104–108 bytes, so a long data folder gets a
 * short path in XDG_RUNTIME_DIR (per-user, 0700) or the OS temp folder. Windows uses a named pipe.
 */
export function agentSocketPath(home: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return `\\\\.\\pipe\\roledeck-agent-${Buffer.from(home).toString('base64url').slice(-24)}`;
  const inHome = path.join(home, 'agent.sock');
  if (Buffer.byteLength(inHome) < 100) return inHome;
  const dir = env.XDG_RUNTIME_DIR ?? '/tmp';
  return path.join(dir, `roledeck-${process.getuid?.() ?? 'user'}-${Buffer.from(home).toString('base64url').slice(-16)}.sock`);
}

export async function writeAgentEndpoint(home: string, endpoint: AgentEndpoint): Promise<void> {
  await mkdir(home, { recursive: true, mode: 0o700 });
  await writeFileAtomic(agentEndpointFile(home), new TextEncoder().encode(JSON.stringify(endpoint)), 0o600);
  await chmod(agentEndpointFile(home), 0o600);
}

export async function readAgentEndpoint(home: string): Promise<AgentEndpoint | null> {
  try {
    const parsed = AgentEndpointSchema.safeParse(JSON.parse(await readFile(agentEndpointFile(home), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function removeAgentEndpoint(home: string): Promise<void> {
  await rm(agentEndpointFile(home), { force: true });
}
