import { createHash, randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { RoledeckError } from '../../../shared/contract/errors';
import { writeFileAtomic } from '../store/atomic-file';

/**
 * Where the running app listens for the CLI, and with which token: `<home>/agent.json`, mode
 * 0600, in the Roledeck data folder (mode 0700). Only the same OS user can read it, so only that
 * user's CLI can prove itself to the app (agent-protocol.ts) and check the app's proof.
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

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The Windows pipe name: a hash of who the user is (user name and the whole data folder path, so
 * two users — or two folders that differ anywhere — never share a name), then a random part drawn
 * at every start, so nobody can create the name before the app does (the CLI learns it from
 * agent.json, which only this user can read).
 *
 * Node cannot give a named pipe a security descriptor of its own. What protects it instead:
 * libuv creates the first instance with FILE_FLAG_FIRST_PIPE_INSTANCE, so listening fails
 * (EADDRINUSE) rather than joining a pipe someone else created; the pipe gets Windows' default
 * DACL — full control for the creator, LocalSystem and Administrators, read-only for Everyone —
 * so no other user can open it for writing, nor add an instance of it (FILE_CREATE_PIPE_INSTANCE);
 * and the handshake makes a squatted name harmless: the CLI trusts nothing its token does not prove.
 */
export function agentPipeName(identity: { username: string; home: string }, instance: string): string {
  return `\\\\.\\pipe\\roledeck-agent-${sha256Hex(`${identity.username}\0${identity.home}`).slice(0, 24)}-${instance}`;
}

export interface SocketPlace {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  username: () => string;
  uid: number;
  tmpdir: string;
}

function currentPlace(): SocketPlace {
  return {
    platform: process.platform,
    env: process.env,
    username: () => os.userInfo().username,
    uid: process.getuid?.() ?? -1,
    tmpdir: os.tmpdir(),
  };
}

/**
 * A directory only this user can use: XDG_RUNTIME_DIR when set (per-user by the XDG spec), else
 * `<tmp>/roledeck-<uid>`, created 0700. Either way its owner and mode are checked before use: a
 * directory someone else made (or a symlink planted there) is refused, never used or "fixed".
 */
export async function privateRuntimeDir(place: Pick<SocketPlace, 'env' | 'uid' | 'tmpdir'>): Promise<string> {
  const runtime = place.env.XDG_RUNTIME_DIR;
  const dir = runtime && path.isAbsolute(runtime) ? runtime : path.join(place.tmpdir, `roledeck-${place.uid}`);
  if (dir !== runtime) {
    await mkdir(dir, { mode: 0o700 }).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    });
  }
  const stats = await lstat(dir);
  const refuse = (why: string) =>
    new RoledeckError('INTERNAL', `Roledeck will not put its CLI socket in ${dir}: ${why}. Remove that folder (or set XDG_RUNTIME_DIR to a private one) and restart the app.`);
  if (!stats.isDirectory()) throw refuse('it is not a folder');
  if (stats.uid !== place.uid) throw refuse('it belongs to another user');
  if ((stats.mode & 0o077) !== 0) throw refuse('other users can open it');
  return dir;
}

/**
 * The socket path. In the data folder (mode 0700) when the path fits: Unix socket paths are
 * limited to ~104–108 bytes; a longer one goes to a private runtime directory. Windows: a named pipe.
 */
export async function agentSocketPath(home: string, place: SocketPlace = currentPlace()): Promise<string> {
  if (place.platform === 'win32') return agentPipeName({ username: place.username(), home }, randomBytes(8).toString('hex'));
  const inHome = path.join(home, 'agent.sock');
  if (Buffer.byteLength(inHome) < 100) return inHome;
  return path.join(await privateRuntimeDir(place), `roledeck-${sha256Hex(home).slice(0, 16)}.sock`);
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
