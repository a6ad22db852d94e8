/**
 * Issue 16, item 1: the main flows run with canary secrets — recognisable values planted as the
 * secret access key (app and CLI), the MFA code (the app's prompt and the CLI's terminal prompt),
 * the MFA code an mfa_process prints and the one given with --mfa-code, a CloudFront private key
 * and its passphrase, a NoEcho deploy parameter and an imported ~/.aws key, plus the session keys
 * moto issues and the console SigninToken the federation endpoint returns — and then every place
 * Roledeck writes to is searched for them: the app's log and its process's stdout/stderr, every
 * message towards the renderer, the CLI's stderr (its log), stdout (except the output a command
 * was asked for) and terminal screen, every file under the private HOME (the data folder with its
 * audit log, ~/.aws, backups, the onboarding kit), the temp folder, and the profile store decrypted.
 * Only the keychain may hold them. The renderer's DOM and storage are searched in the e2e tier
 * (test/e2e/specs/secret-canaries.spec.ts).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyringSecretStore } from '../../../electron/node/keychain/keyring.secret-store';
import { StreamLogger } from '../../../electron/node/log/console.logger';
import { EncryptedFileDocumentStore } from '../../../electron/node/store/encrypted-file.document-store';
import { startFakeFederation, type FakeFederation } from '../../fixtures/fake-federation';
import { recordFigure } from '../../fixtures/figures';
import { cliPath, ensureCliBuilt, repoRoot, runCli, type CliResult } from '../fixtures/cli';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { motoEndpoint, setIamEnforcement, useMoto } from '../fixtures/moto';
import { CanarySearch, type Canary } from './canary-search';
import { startRecordedApp, type RecordedApp } from '../fixtures/recorded-app';
import { Terminal } from '../fixtures/terminal';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
/** 40 characters of the secret-key alphabet, as AWS issues them, but unmistakable. */
const secretCanary = (tag: string) => `CANARY${tag}/`.padEnd(39, 'Z').concat('9');

const USER_SECRET = secretCanary('addUserSecret');
const IMPORT_SECRET = secretCanary('importSecret');
const CLI_SECRET = secretCanary('cliAddUserSecret');
const MFA_CODE = '739164';
const TERMINAL_MFA_CODE = '604817';
/** Printed by the stand-in mfa_process, never given on a command line: only its stdout carries it. */
const PROCESS_MFA_CODE = '852093';
const GIVEN_MFA_CODE = '318275';
const PASSPHRASE = 'CANARY-passphrase-correct-horse-battery';
const NO_ECHO = 'CANARYnoEchoApiToken-3141592653';

const canaries: Canary[] = [
  { name: 'secret access key (add user)', value: USER_SECRET },
  { name: 'secret access key (import from ~/.aws)', value: IMPORT_SECRET },
  { name: 'secret access key (roledeck profile add-user, stdin)', value: CLI_SECRET },
  { name: 'MFA code (the app’s prompt)', value: MFA_CODE },
  { name: 'MFA code (the CLI’s terminal prompt)', value: TERMINAL_MFA_CODE },
  { name: 'MFA code (printed by --mfa-process)', value: PROCESS_MFA_CODE },
  { name: 'MFA code (--mfa-code on the command line)', value: GIVEN_MFA_CODE },
  { name: 'CloudFront key passphrase', value: PASSPHRASE },
  { name: 'NoEcho deploy parameter', value: NO_ECHO },
];
const search = new CanarySearch(() => canaries);

let root: string;
let home: string;
let dataDir: string;
let tempDir: string;
let app: RecordedApp;
let federation: FakeFederation | undefined;
const saved: Record<string, string | undefined> = {};
/** Every CLI run: its stderr is always searched, its stdout unless the test asked for that output. */
const cliRuns: { label: string; result: CliResult; stdoutAsked: boolean }[] = [];
/** What the host process itself wrote to stdout and stderr while the flows ran (outside its logger). */
const hostOutput: string[] = [];
const restoreOutput: (() => void)[] = [];

function captureOutput(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    hostOutput.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return write(chunk, ...rest);
  }) as typeof stream.write;
  restoreOutput.push(() => {
    stream.write = write as typeof stream.write;
  });
}

const cliEnv = () => ({
  HOME: home,
  ROLEDECK_HOME: dataDir,
  TMPDIR: tempDir,
  AWS_ENDPOINT_URL: motoEndpoint(),
  AWS_CONFIG_FILE: path.join(home, '.aws', 'config'),
  AWS_SHARED_CREDENTIALS_FILE: path.join(home, '.aws', 'credentials'),
});

async function cli(label: string, args: string[], options: { input?: string; stdoutAsked?: boolean; env?: Record<string, string> } = {}): Promise<CliResult> {
  const result = await runCli(args, { env: { ...cliEnv(), ...options.env }, ...(options.input ? { input: options.input } : {}) });
  cliRuns.push({ label, result, stdoutAsked: options.stdoutAsked ?? false });
  return result;
}

function useEnv(values: Record<string, string>): void {
  for (const [key, value] of Object.entries(values)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
}

/**
 * Runs the CLI on a real terminal (tmux), without the app, and answers its MFA prompt with
 * `code`, as a person types it. Returns the screen; its typed digits are the person's own echo.
 */
async function onTerminal(args: string[], code: string): Promise<string> {
  const terminal = new Terminal('canary');
  const env = Object.entries({ ...cliEnv(), ROLEDECK_NO_AGENT: '1', PATH: process.env.PATH ?? '', DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS ?? '' })
    .map(([key, value]) => `${key}='${value}'`)
    .join(' ');
  try {
    terminal.start('mfa', `env ${env} '${process.execPath}' '${cliPath}' ${args.join(' ')}; echo "exit=$?"; sleep 30`);
    await terminal.waitFor('mfa', 'MFA code for');
    terminal.type('mfa', code, 'Enter');
    return await terminal.waitFor('mfa', 'exit=');
  } finally {
    terminal.close();
  }
}

/** An RSA 2048 CloudFront key, encrypted with the canary passphrase; its key material lines become canaries. */
function cloudFrontKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const plain = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const encrypted = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }).toString();
  canaries.push({ name: 'CloudFront private key (PEM, decrypted)', value: plain.split('\n')[2]! });
  canaries.push({ name: 'CloudFront private key (PEM, as imported)', value: encrypted.split('\n')[2]! });
  return encrypted;
}

/** Session keys moto issued, read from the output the test asked for; each becomes a canary. */
function sessionCanaries(label: string, exportJson: string): { secret: string } {
  const session = JSON.parse(exportJson) as { SecretAccessKey: string; SessionToken?: string };
  canaries.push({ name: `${label} session secret key (moto)`, value: session.SecretAccessKey });
  if (session.SessionToken) canaries.push({ name: `${label} session token (moto)`, value: session.SessionToken });
  return { secret: session.SecretAccessKey };
}

describe('secret-leak canaries through the main flows (in-process app host, built CLI, moto, real keychain)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
    root = mkdtempSync(path.join(tmpdir(), 'roledeck-canary-'));
    home = path.join(root, 'home');
    dataDir = path.join(home, '.local', 'share', 'roledeck');
    tempDir = path.join(root, 'tmp');
    const bin = path.join(root, 'bin');
    for (const dir of [path.join(home, '.aws'), dataDir, tempDir, bin]) mkdirSync(dir, { recursive: true, mode: 0o700 });
    // `roledeck` on PATH, as an installed app puts it: the credential_process line names it.
    writeFileSync(path.join(bin, 'roledeck'), `#!/bin/sh\nexec '${process.execPath}' '${cliPath}' "$@"\n`, { mode: 0o755 });
    const { AWS_ENDPOINT_URL: _endpoint, ...fileEnv } = cliEnv();
    useEnv({ ...fileEnv, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
  });
  useMoto();
  afterAll(async () => {
    for (const restore of restoreOutput) restore();
    await app?.close();
    await federation?.close();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('leaves no canary anywhere but the keychain and the output a command was asked for', { timeout: 240_000 }, async () => {
    // ~/.aws as a user has it before Roledeck: a plaintext key to import and then remove.
    const legacy = await createUserWithKey('legacy');
    writeFileSync(path.join(home, '.aws', 'config'), '[profile legacy]\nregion = eu-west-1\n');
    writeFileSync(path.join(home, '.aws', 'credentials'), `[legacy]\naws_access_key_id = ${legacy.credentials.accessKeyId}\naws_secret_access_key = ${IMPORT_SECRET}\n`, { mode: 0o600 });
    const user = await createUserWithKey('consultant', ASSUME_ANY);
    const roleArn = await createRole('ExampleRoleName', trustPolicyFor(user.arn, 'ext-1234'));

    captureOutput(process.stdout);
    captureOutput(process.stderr);
    app = await startRecordedApp(dataDir);
    app.answerMfaWith(MFA_CODE);

    // Import from ~/.aws, then take the plaintext key out of the credentials file (backed up first).
    await app.call('profiles.importPreview', { moveKeys: true });
    await app.call('profiles.importApply', { moveKeys: true });
    const plaintext = (await app.call('profiles.plaintextKeys', {})) as { ready: { awsProfile: string }[] };
    expect(plaintext.ready.map((entry) => entry.awsProfile)).toContain('legacy');
    await app.call('profiles.removePlaintextKeys', { awsProfiles: ['legacy'], confirmed: true });

    // Add user (with MFA) and a role; assume it: the app's prompt is answered with the canary code.
    await app.call('profiles.addUser', { name: 'consultant', accessKeyId: user.credentials.accessKeyId, secretAccessKey: USER_SECRET, mfaSerial: 'arn:aws:iam::123456789012:mfa/consultant', region: 'us-east-1' });
    await app.call('profiles.addRole', { name: 'acme-prod', source: 'consultant', roleArn, externalId: 'ext-1234', region: 'us-east-1', label: 'Acme' });
    await app.call('sessions.start', { profileId: 'acme-prod' });
    await app.call('sessions.testAccess', { profileId: 'acme-prod' });

    // The CLI's add-user reads the secret from stdin.
    const cliUser = await createUserWithKey('scripted');
    const cliAdded = await cli('profile add-user', ['profile', 'add-user', 'scripted', '--access-key-id', cliUser.credentials.accessKeyId], { input: `${CLI_SECRET}\n` });
    expect(cliAdded.code, cliAdded.stderr).toBe(0);

    // Assume with MFA in the CLI alone: its terminal prompt takes the second canary code.
    const terminalUser = await createUserWithKey('terminal', ASSUME_ANY);
    const terminalAdded = await cli('profile add-user (MFA)', ['profile', 'add-user', 'terminal', '--access-key-id', terminalUser.credentials.accessKeyId, '--mfa-serial', 'arn:aws:iam::123456789012:mfa/terminal'], { input: `${CLI_SECRET}\n` });
    expect(terminalAdded.code, terminalAdded.stderr).toBe(0);
    const screen = await onTerminal(['whoami', 'terminal'], TERMINAL_MFA_CODE);
    expect(screen).toContain('exit=0');
    // The terminal echoes the digits as they are typed, once; the CLI must not show them again.
    expect(screen.split(TERMINAL_MFA_CODE)).toHaveLength(2);
    const terminalScreen = screen.replace(TERMINAL_MFA_CODE, '[typed]');

    // Export and credential_process through the app's socket: stdout is the asked-for output.
    const exported = await cli('export acme-prod', ['export', 'acme-prod', '--format', 'json'], { stdoutAsked: true });
    expect(exported.code, exported.stderr).toBe(0);
    const role = sessionCanaries('role', exported.stdout);
    const userExport = await cli('export consultant', ['export', 'consultant', '--format', 'json'], { stdoutAsked: true });
    expect(userExport.code, userExport.stderr).toBe(0);
    sessionCanaries('MFA user', userExport.stdout);
    const processed = await cli('credential-process', ['credential-process', 'acme-prod'], { stdoutAsked: true });
    expect(JSON.parse(processed.stdout).SecretAccessKey).toBe(role.secret);

    // Copy: the clipboard holds what was asked for; nothing else may.
    await app.call('sessions.copyExport', { profileId: 'acme-prod', format: 'bash' });
    expect(app.clipboard.text).toContain(role.secret);

    // exec --server: the child fetches from the container-credentials server and prints only a digest.
    const child = 'const r=await fetch(process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI,{headers:{Authorization:process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN}});const j=await r.json();process.stdout.write(require("node:crypto").createHash("sha256").update(j.SecretAccessKey).digest("hex"))';
    const served = await cli('exec --server', ['exec', 'acme-prod', '--server', '--', process.execPath, '--input-type=commonjs', '-e', `(async()=>{${child}})()`]);
    expect(served.stdout, served.stderr).toBe(createHash('sha256').update(role.secret).digest('hex'));

    // CloudFront: import an encrypted key with its passphrase over IPC, sign in the app and with the CLI.
    const key = (await app.call('cloudfront.import', { pem: cloudFrontKey(), passphrase: PASSPHRASE, keyPairId: 'K2JCJMDEHXQW5F', label: 'Acme media' })) as { id: string };
    await app.call('cloudfront.sign', { key: key.id, url: 'https://d111111abcdef8.cloudfront.net/movie.mp4', expires: '2h' });
    const signed = await cli('cloudfront sign', ['cloudfront', 'sign', 'Acme media', 'https://d111111abcdef8.cloudfront.net/movie.mp4', '--expires', '2h']);
    expect(signed.code, signed.stderr).toBe(0);

    // Deploy with a NoEcho parameter through the CLI, then what the app remembers of it.
    const template = path.join(repoRoot, 'test', 'fixtures', 'cloudformation', 's3-sns.yaml');
    const deployed = await cli('deploy', ['deploy', 'acme-prod', template, '--stack-name', 'canary-stack', '--parameter', 'NotifyEmail=ops@example.com', '--parameter', `ApiToken=${NO_ECHO}`, '--confirm-account', '123456789012', '--yes']);
    expect(deployed.code, deployed.stderr).toBe(0);
    await cli('deploy history', ['deploy', 'history', 'acme-prod', '--json']);
    const recipe = await app.call('deploy.recipe', { profileId: 'acme-prod' });
    expect(recipe).not.toBeNull();
    await app.call('deploy.history', { profileId: 'acme-prod' });

    // Onboard a customer: the kit is written into the private HOME and searched with the rest.
    const onboarded = await cli('onboard', ['onboard', 'Globex', '--source', 'consultant', '--role-name', 'RoledeckAccess', '--out', path.join(home, 'onboarding-kit')]);
    expect(onboarded.code, onboarded.stderr).toBe(0);

    // MFA codes with the CLI alone (no app to prompt, no terminal: a code must come from these):
    // a stand-in for ykman prints one canary code, --mfa-code gives the other. Each user's role is
    // assumed from its MFA session: moto gives every GetSessionToken the same example keys, but
    // each AssumeRole fresh ones, which become canaries too.
    const runs = path.join(root, 'mfa-process-runs');
    const standIn = path.join(root, 'bin', 'fake-ykman');
    writeFileSync(standIn, `#!/bin/sh\necho run >> '${runs}'\necho ${PROCESS_MFA_CODE}\n`, { mode: 0o755 });
    const alone = { ROLEDECK_NO_AGENT: '1' };
    for (const name of ['yubikey', 'scripted-mfa']) {
      const mfaUser = await createUserWithKey(name, ASSUME_ANY);
      const added = await cli(`profile add-user ${name}`, ['profile', 'add-user', name, '--access-key-id', mfaUser.credentials.accessKeyId, '--mfa-serial', `arn:aws:iam::123456789012:mfa/${name}`], { input: `${CLI_SECRET}\n` });
      expect(added.code, added.stderr).toBe(0);
      const role = await cli(`profile add-role ${name}-role`, ['profile', 'add-role', `${name}-role`, '--source', name, '--role-arn', roleArn, '--external-id', 'ext-1234']);
      expect(role.code, role.stderr).toBe(0);
    }
    const fromProcess = await cli('whoami --mfa-process', ['whoami', 'yubikey-role', '--mfa-process', standIn], { env: alone });
    expect(fromProcess.code, fromProcess.stderr).toBe(0);
    expect(readFileSync(runs, 'utf8')).toBe('run\n');
    const given = await cli('whoami --mfa-code', ['whoami', 'scripted-mfa-role', '--mfa-code', GIVEN_MFA_CODE], { env: alone });
    expect(given.code, given.stderr).toBe(0);
    for (const name of ['yubikey-role', 'scripted-mfa-role']) {
      const mfaExport = await cli(`export ${name}`, ['export', name, '--format', 'json'], { stdoutAsked: true, env: alone });
      expect(mfaExport.code, mfaExport.stderr).toBe(0);
      sessionCanaries(`${name} (MFA from the CLI)`, mfaExport.stdout);
    }

    // Console sign-in with the app's session of acme-prod: the SigninToken belongs in the printed URL only.
    federation = await startFakeFederation(motoEndpoint());
    const endpointSet = await cli('settings federation-endpoint', ['settings', 'federation-endpoint', federation.endpoint]);
    expect(endpointSet.code, endpointSet.stderr).toBe(0);
    const signin = await cli('console --print', ['console', 'acme-prod', '--print'], { stdoutAsked: true });
    expect(signin.code, signin.stderr).toBe(0);
    expect(federation.requests.map((request) => request.arn)).toEqual([expect.stringMatching(/assumed-role\/ExampleRoleName\//)]);
    for (const token of federation.tokens.keys()) canaries.push({ name: 'console SigninToken', value: token });

    // Error reports: AWS refuses the canary secret (IAM enforcement on), and malformed input is refused.
    await setIamEnforcement(true);
    await app.call('sessions.end', { profileId: 'consultant' }, { allowError: true });
    await app.call('sessions.testAccess', { profileId: 'legacy' }, { allowError: true });
    await app.call('profiles.addUser', { name: 'broken', accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: `${USER_SECRET}!` }, { allowError: true });
    await cli('add-user refused', ['profile', 'add-user', 'broken', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE'], { input: `${IMPORT_SECRET}${IMPORT_SECRET}\n` });
    await cli('whoami refused', ['whoami', 'legacy']);
    await setIamEnforcement(false);

    // The search.
    for (const restore of restoreOutput.splice(0)) restore();
    search.search('the app log', app.logLines.join('\n'));
    search.search('the host process’s stdout and stderr', hostOutput.join(''));
    search.search('the CLI’s terminal (MFA prompt, beyond the typed echo)', terminalScreen);
    search.search('messages to the renderer', app.toRenderer.join('\n'));
    for (const run of cliRuns) {
      search.search(`stderr of ${run.label}`, run.result.stderr);
      if (!run.stdoutAsked) search.search(`stdout of ${run.label}`, run.result.stdout);
    }
    const files = search.searchTree(home) + search.searchTree(tempDir);
    // The audit log lies in the data folder under HOME: it was searched, and holds the flows' entries.
    const auditLog = path.join(dataDir, 'audit', 'audit.jsonl');
    expect(existsSync(auditLog)).toBe(true);
    expect(search.places).toContain(auditLog);
    const audited = readFileSync(auditLog, 'utf8');
    for (const action of ['"action":"console"', '"profileName":"yubikey","result":"ok","detail":"GetSessionToken with MFA', '"profileName":"scripted-mfa","result":"ok","detail":"GetSessionToken with MFA']) {
      expect(audited).toContain(action);
    }
    // The profile store is encrypted on disk; its decrypted document must not hold secrets either.
    const store = new EncryptedFileDocumentStore({ home: dataDir, secrets: new KeyringSecretStore(), logger: new StreamLogger(() => undefined) });
    search.search('the profile store (decrypted)', JSON.stringify(await store.read()));
    // The credentials file was rewritten by Roledeck: the imported key is gone from it.
    expect(readFileSync(path.join(home, '.aws', 'credentials'), 'utf8')).not.toContain(legacy.credentials.accessKeyId);

    // Controls: the flows really ran, and the search finds a canary where it was asked for.
    expect(app.toRenderer.some((message) => message.includes('"event":"mfa.prompt"'))).toBe(true);
    const control = new CanarySearch(() => canaries);
    control.search('export stdout', exported.stdout);
    control.search('clipboard', app.clipboard.text);
    control.search('console URL', signin.stdout);
    expect(control.found).toEqual([
      ...['export stdout', 'clipboard'].flatMap((place) => [`role session secret key (moto) in ${place}`, `role session token (moto) in ${place}`]),
      'console SigninToken in console URL',
    ]);

    recordFigure('canaries searched', search.checks);
    recordFigure('canaries found', search.found.length);
    expect(files).toBeGreaterThan(3);
    expect(canaries.length).toBeGreaterThanOrEqual(20);
    expect(search.found).toEqual([]);
  });

  it('finds a canary however a leak would encode it: base64 at any offset, URL-encoded, JSON-escaped, in a binary file', () => {
    const probe = new CanarySearch(() => [{ name: 'probe', value: USER_SECRET }, { name: 'code', value: MFA_CODE }]);
    const dir = mkdtempSync(path.join(tmpdir(), 'roledeck-canary-probe-'));
    const blob = (lead: string) => Buffer.from(`${lead}${USER_SECRET}tail`).toString('base64');
    writeFileSync(path.join(dir, 'a.json'), JSON.stringify({ note: `x${blob('')}`, other: blob('a'), third: blob('ab') }));
    writeFileSync(path.join(dir, 'b.url'), `https://example.com/?s=${encodeURIComponent(USER_SECRET)}`);
    writeFileSync(path.join(dir, 'c.bin'), Buffer.concat([Buffer.from([0, 255, 7]), Buffer.from(`code ${MFA_CODE}.`), Buffer.from([0])]));
    writeFileSync(path.join(dir, 'd.txt'), 'nothing here but 17391645 and 97391640');
    for (const lead of ['', 'a', 'ab']) {
      const single = new CanarySearch(() => [{ name: 'probe', value: USER_SECRET }]);
      single.search(`base64 behind ${lead.length} bytes`, blob(lead));
      expect(single.found).toHaveLength(1);
    }
    probe.searchTree(dir);
    expect(probe.found.map((entry) => entry.replace(dir, ''))).toEqual(['probe in /a.json', 'probe in /b.url', 'code in /c.bin']);
    expect(probe.checks).toBe(8);
  });
});
