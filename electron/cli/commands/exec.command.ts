import { spawn } from 'node:child_process';
import { RoledeckError } from '../../../shared/contract/errors';
import { exportVariables } from '../../../shared/logic/shell-export';
import type { CliContext } from '../context';
import { sessionFor } from '../session-source';
import { EXEC } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';

/** Set in the child's environment; a nested `roledeck exec` refuses to run inside it. */
export const EXEC_MARKER = 'ROLEDECK_EXEC_PROFILE';

/** Variables that would shadow the credentials Roledeck provides; removed from the child's environment. */
const SHADOWING = ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_CONTAINER_CREDENTIALS_FULL_URI', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'AWS_CONTAINER_AUTHORIZATION_TOKEN'];

/** Within this of expiry, the credentials served to the child are renewed (botocore's 15-minute window). */
export const SERVER_REFRESH_MS = 15 * 60_000;

/**
 * What the credentials endpoint hands the child: the session it has, until it nears expiry, then
 * a fresh one from the session layer (which refreshes ahead of time itself). The child's SDK asks
 * again whenever its copy nears expiry, so a run longer than one session never sees an expired one.
 */
export function refreshingProvider<T extends { expiresAt?: number | undefined }>(first: T, renew: () => Promise<T>, now: () => number): () => Promise<T> {
  let current = first;
  let renewing: Promise<T> | undefined;
  return async () => {
    if (current.expiresAt !== undefined && current.expiresAt - now() < SERVER_REFRESH_MS) {
      renewing ??= renew().finally(() => {
        renewing = undefined;
      });
      current = await renewing;
    }
    return current;
  };
}

/**
 * `roledeck exec <profile> [--server] -- <cmd...>`: runs the command with the session in its
 * environment. With --server the child gets no keys at all, only a loopback container-credentials
 * endpoint that hands out fresh credentials whenever the SDK asks, so runs longer than the
 * session (a two-hour Terraform apply) never see expired credentials.
 */
export async function execCommand(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals, passThrough: command } = parseCommand(EXEC, args);
  const server = values.server === true;
  const profile = positionals[0]!;
  const nested = context.env[EXEC_MARKER];
  if (nested) {
    throw new RoledeckError(
      'CONFLICT',
      `Already inside \`roledeck exec ${nested}\`. Exit that shell first: nesting would mix two identities in one environment.`,
    );
  }

  const session = await sessionFor(context, profile, server ? 'server' : 'exec');
  const env: NodeJS.ProcessEnv = { ...context.env, [EXEC_MARKER]: session.profileName };
  for (const name of SHADOWING) delete env[name];
  if (session.region) {
    env.AWS_REGION = session.region;
    env.AWS_DEFAULT_REGION = session.region;
  }

  let closeServer: (() => Promise<void>) | undefined;
  if (server) {
    const { startContainerCredentialsServer } = await import('../../node/credential-server/container-credentials.server');
    const provider = refreshingProvider(session, () => sessionFor(context, profile, 'server'), Date.now);
    const endpoint = await startContainerCredentialsServer(provider, context.logger);
    Object.assign(env, endpoint.env);
    closeServer = endpoint.close;
  } else {
    for (const [name, value] of exportVariables(session).set) env[name] = value;
  }

  const [file, ...rest] = command;
  return new Promise<number>((resolve, reject) => {
    const child = spawn(file!, rest, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    const done = (code: number) => {
      for (const signal of signals) process.off(signal, forward);
      void (closeServer?.() ?? Promise.resolve()).then(() => resolve(code));
    };
    child.once('error', (error: NodeJS.ErrnoException) => {
      for (const signal of signals) process.off(signal, forward);
      void closeServer?.();
      reject(new RoledeckError('NOT_FOUND', error.code === 'ENOENT' ? `Command not found: ${file}` : `Could not run ${file}: ${error.message}`));
    });
    child.once('exit', (code, signal) => done(code ?? (signal ? 128 + 15 : 1)));
  });
}
