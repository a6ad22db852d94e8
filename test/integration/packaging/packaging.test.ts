import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract';
import { runMaintainerScript } from '../../fixtures/linux-maintainer-scripts';

// PACKAGING ONLY. The Electron runtime cannot be downloaded on these machines, so these tests
// never launch the app: they hand Forge a stub Electron distribution (a shell script named
// `electron`, plus `version`, `LICENSE`, `resources/`) and check what ends up in the packages.
// With the stub, forge.config.ts leaves the fuses plugin out (ROLEDECK_STUB_ELECTRON=1): fuses
// are flipped inside the real binary, which the stub does not have. Whether the app actually
// starts is test/electron-e2e's job, wherever a real Electron is installed.
//
// Everything runs in a temporary copy of the project (node_modules symlinked), so the working
// tree's .vite/ and out/ — which other tests and people use — are never touched.

const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../../..');
const supported = process.platform === 'linux' && process.arch === 'x64';
const PROJECT_DIRECTORIES = ['electron', 'shared', 'renderer', 'build'];

/** What electron-api.stand-in.mjs records. */
interface ElectronRecord {
  calls: string[];
  appListeners: string[];
  windows: Array<{ options: { webPreferences: Record<string, unknown> & { preload?: string } }; loadedUrl: string | null }>;
  protocol: { privileged: Array<{ scheme: string; privileges: Record<string, boolean> }>; handled: string[] };
  applicationMenu: string[] | null;
  ipcChannels: string[];
  session: Record<string, boolean>;
  tray: { imageBytes: number; toolTip: string; menu: string[] } | null;
  powerListeners: string[];
  agentEndpoint?: boolean;
}

interface PackageJson {
  name: string;
  productName: string;
  version: string;
  main: string;
}

async function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<string> {
  try {
    const { stdout, stderr } = await exec(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 150_000,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failed = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${failed.message}\n${failed.stdout ?? ''}\n${failed.stderr ?? ''}`, {
      cause: error,
    });
  }
}

/** The project's top-level files and source folders, node_modules symlinked: a buildable copy. */
async function copyProject(into: string): Promise<string> {
  const project = path.join(into, 'project');
  await mkdir(project, { recursive: true });
  for (const entry of await readdir(repo, { withFileTypes: true })) {
    if (entry.isFile()) await cp(path.join(repo, entry.name), path.join(project, entry.name));
  }
  for (const directory of PROJECT_DIRECTORIES) {
    await cp(path.join(repo, directory), path.join(project, directory), { recursive: true });
  }
  await symlink(path.join(repo, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  return project;
}

/**
 * A stand-in for `npm run build:cli-sea`'s output in the project copy (out/cli-sea/linux-x64/cli):
 * the real executable is ~110 MB, and the deb maker compressing it would take minutes here.
 * test/integration/cli/cli-sea.test.ts runs the real one.
 */
async function makeStubCliSea(project: string, version: string): Promise<void> {
  const cli = path.join(project, 'out', 'cli-sea', 'linux-x64', 'cli');
  await mkdir(cli, { recursive: true });
  await writeFile(path.join(cli, 'roledeck'), `#!/bin/sh\necho "${version}"\n`);
  await chmod(path.join(cli, 'roledeck'), 0o755);
  await writeFile(path.join(cli, 'keyring.node'), 'stand-in for the keychain binary');
}

/** A stand-in Electron distribution, zipped under the name Forge looks for in electronZipDir. */
async function makeStubElectron(into: string, version: string): Promise<{ distDir: string; zipDir: string }> {
  const distDir = path.join(into, 'electron-stub');
  const zipDir = path.join(into, 'electron-zips');
  await mkdir(path.join(distDir, 'resources'), { recursive: true });
  await mkdir(zipDir, { recursive: true });
  await writeFile(
    path.join(distDir, 'electron'),
    '#!/bin/sh\necho "This is a stub Electron used to test packaging; it cannot run the app." >&2\nexit 1\n',
  );
  await chmod(path.join(distDir, 'electron'), 0o755);
  await writeFile(path.join(distDir, 'version'), version);
  await writeFile(path.join(distDir, 'LICENSE'), 'Stub Electron distribution for packaging tests.\n');
  await writeFile(path.join(distDir, 'LICENSES.chromium.html'), '<p>stub</p>\n');
  await run('zip', ['-qry', path.join(zipDir, `electron-v${version}-linux-x64.zip`), '.'], { cwd: distDir });
  // forge.config.ts drops the fuses only for a folder marked as the stub's (build/fuses.ts).
  await writeFile(path.join(zipDir, 'roledeck-stub-electron'), '');
  return { distDir, zipDir };
}

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Relative module specifiers in an ES module: static imports, re-exports and dynamic imports. */
function relativeImports(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
    if (match[1]) found.add(match[1]);
  }
  return [...found];
}

/**
 * Runs `<project>/.vite/build/main.js` under plain Node with 'electron' mapped to a recording
 * stand-in (electron-api.stand-in.mjs) — no Electron runtime can be installed here — and checks
 * what the composition root did. This catches wiring errors the unit tests of the parts cannot
 * see: a port missing, a dependency bundled in a form Node cannot load, a wrong preload or page path.
 */
async function expectMainBundleBoots(temp: string, project: string): Promise<void> {
  const record = path.join(temp, 'electron-record.json');
  const standIn = pathToFileURL(path.join(import.meta.dirname, 'electron-api.stand-in.mjs')).href;
  const hooks = path.join(temp, 'map-electron.mjs');
  await writeFile(
    hooks,
    `import { registerHooks } from 'node:module';
registerHooks({
  resolve: (specifier, context, next) =>
    specifier === 'electron' ? { url: ${JSON.stringify(standIn)}, shortCircuit: true } : next(specifier, context),
});
`,
  );
  await run(process.execPath, ['--import', pathToFileURL(hooks).href, path.join(project, '.vite/build/main.js')], {
    cwd: project,
    env: { ROLEDECK_ELECTRON_RECORD: record, ROLEDECK_HOME: path.join(temp, 'home') },
  });
  const booted = JSON.parse(await readFile(record, 'utf8')) as ElectronRecord;

  expect(booted.calls).toEqual(['app.enableSandbox', 'app.requestSingleInstanceLock', 'app.getPath(userData)']);
  expect(booted.appListeners).toEqual(expect.arrayContaining(['web-contents-created', 'second-instance', 'window-all-closed']));
  expect(booted.session).toEqual({ permissionRequest: true, permissionCheck: true, devicePermission: true, headersReceived: true });
  expect(booted.ipcChannels.sort()).toEqual(Object.keys(channels).sort());
  expect(booted.windows).toHaveLength(1);
  // The tray is wired with its inlined icon and a menu that can always open the window and quit;
  // sessions are re-checked after sleep.
  expect(booted.tray?.imageBytes).toBeGreaterThan(0);
  expect(booted.tray?.toolTip).toMatch(/^Roledeck/);
  expect(booted.tray?.menu).toEqual(expect.arrayContaining(['Open Roledeck', 'Quit Roledeck']));
  expect(booted.powerListeners).toEqual(expect.arrayContaining(['resume']));
  // The CLI agent socket is up in the app's data folder.
  expect(booted.agentEndpoint).toBe(true);
  const [window] = booted.windows;
  expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
  const preload = window?.options.webPreferences.preload ?? '';
  expect(preload).toBe(path.join(project, '.vite/build/preload.cjs'));
  expect(await exists(preload)).toBe(true);
  // No DevTools and no reload menu in the packaged build.
  expect(window?.options.webPreferences.devTools).toBe(false);
  expect(booted.applicationMenu).not.toBeNull();
  expect(booted.applicationMenu).not.toContain('toggleDevTools');
  expect(booted.applicationMenu).not.toContain('reload');
  // The page comes from the privileged app:// scheme, never file://, and the handler serves the
  // built index.html with the CSP as a header.
  expect(window?.loadedUrl).toBe('app://roledeck/index.html');
  expect(booted.protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  expect(booted.protocol.handled).toEqual(['app']);
  expect(await exists(path.join(project, '.vite/renderer/main_window/index.html'))).toBe(true);

  // A CommonJS dependency bundled into the ESM main process gets rolldown's require() shim, which
  // throws when a code path first calls it — possibly long after start-up, so booting is not proof.
  // It happens when resolution picks a package's CJS build (the "node" export condition).
  for (const file of await filesUnder(path.join(project, '.vite/build'))) {
    if (!file.endsWith('.js') || file.endsWith('preload.cjs')) continue;
    expect(await readFile(file, 'utf8'), path.basename(file)).not.toContain("doesn't expose the `require` function");
  }
}

/**
 * electron-builder's deb carries build/linux/'s scripts with its own macros filled in: run them as
 * dpkg would, against the unpacked package, system commands stood in for (unit/build/ has the rest).
 */
async function expectBuilderScriptsLinkTheCli(temp: string, deb: string, productName: string): Promise<void> {
  const control = path.join(temp, 'builder-deb-control');
  const root = path.join(temp, 'builder-deb-root');
  const standIns = path.join(temp, 'maintainer-stand-ins');
  await run('dpkg-deb', ['-e', deb, control], { cwd: temp });
  await run('dpkg-deb', ['-x', deb, root], { cwd: temp });
  await mkdir(path.join(root, 'usr/bin'), { recursive: true });
  const link = path.join(root, 'usr/bin/roledeck');
  // Only ours honour the temporary root: never run others (electron-builder's default) as root here.
  for (const script of ['postinst', 'postrm']) {
    expect(await readFile(path.join(control, script), 'utf8'), script).toContain('ROOT="${ROLEDECK_TEST_ROOT:-}"');
  }

  expect((await runMaintainerScript(path.join(control, 'postinst'), ['configure'], { root, standIns })).code).toBe(0);
  // `roledeck` in a terminal is the CLI; the menu entry starts the app by its full path.
  expect(await readlink(link)).toBe(path.join(root, 'opt', productName, 'resources/cli/roledeck'));
  const desktop = await readFile(path.join(root, 'usr/share/applications/roledeck.desktop'), 'utf8');
  expect(desktop).toContain(`Exec=/opt/${productName}/roledeck %U\n`);

  expect((await runMaintainerScript(path.join(control, 'postrm'), ['remove'], { root, standIns })).code).toBe(0);
  expect(await exists(link)).toBe(false);
}

const installedElectronVersion = async (): Promise<string> =>
  (JSON.parse(await readFile(path.join(repo, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

const readPackageJson = async (): Promise<PackageJson> =>
  JSON.parse(await readFile(path.join(repo, 'package.json'), 'utf8')) as PackageJson;

/**
 * What `npm run build` (build/scripts/build.mjs) does for the three Electron bundles: Vite with each
 * config, no Forge. The CLI bundle that script also builds is left to the CLI's own tests.
 */
const BUILD_ELECTRON_BUNDLES = `
import { build } from 'vite';
for (const configFile of ['vite.main.config.ts', 'vite.preload.config.ts', 'vite.renderer.config.ts']) {
  await build({ configFile, logLevel: 'warn' });
}`;

describe.skipIf(!supported)('packaging only (linux x64): the Electron bundles built without Forge, as `npm run build` does', () => {
  let temp: string;
  let project: string;

  beforeAll(async () => {
    temp = await mkdtemp(path.join(os.tmpdir(), 'roledeck-build-'));
    project = await copyProject(temp);
    await run(process.execPath, ['--input-type=module', '-e', BUILD_ELECTRON_BUNDLES], { cwd: project });
  });

  afterAll(async () => {
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it('writes the same layout Forge packages: main.js, preload.cjs and the renderer’s index.html', async () => {
    const { main } = await readPackageJson();
    expect(main).toBe('.vite/build/main.js');
    for (const file of [main, '.vite/build/preload.cjs', '.vite/renderer/main_window/index.html']) {
      expect(await exists(path.join(project, file)), file).toBe(true);
    }
  });

  it('boots the main bundle against a recording stand-in for Electron’s API: sandboxed window, our preload, our page, every channel', async () => {
    await expectMainBundleBoots(temp, project);
  });

  it('defines the Forge renderer globals in the main bundle, so it runs outside `electron-forge start`', async () => {
    const bundle = (await filesUnder(path.join(project, '.vite/build')))
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFile(file, 'utf8'));
    const source = (await Promise.all(bundle)).join('\n');
    expect(source).not.toMatch(/\bMAIN_WINDOW_VITE_NAME\b/);
    expect(source).toContain('main_window');
  });
});

describe.skipIf(!supported)('packaging only (linux x64, stub Electron, fuses skipped): Forge package + make, electron-builder installers', () => {
  let temp: string;
  let project: string;
  let stub: { distDir: string; zipDir: string };
  let pkg: PackageJson;
  let packagedDir: string;
  let asarPath: string;
  let asarEntries: string[];
  const forgeCli = path.join(repo, 'node_modules/@electron-forge/cli/dist/electron-forge.js');
  const builderCli = path.join(repo, 'node_modules/electron-builder/cli.js');

  beforeAll(async () => {
    pkg = await readPackageJson();
    temp = await mkdtemp(path.join(os.tmpdir(), 'roledeck-packaging-'));
    project = await copyProject(temp);
    stub = await makeStubElectron(temp, await installedElectronVersion());
    await makeStubCliSea(project, pkg.version);
    // `make` runs `package` first (Vite builds included), then the zip and deb makers. Targets by
    // the configured makers' names: a package name (@electron-forge/maker-deb) makes a maker of
    // its own without forge.config.ts's options (Forge's generateTargets matches `maker.name`).
    await run(process.execPath, [forgeCli, 'make', '--platform=linux', '--arch=x64', '--targets=zip,deb'], {
      cwd: project,
      env: { ROLEDECK_ELECTRON_ZIP_DIR: stub.zipDir, ROLEDECK_STUB_ELECTRON: '1' },
    });
    packagedDir = path.join(project, 'out', `${pkg.productName}-linux-x64`);
    asarPath = path.join(packagedDir, 'resources', 'app.asar');
    asarEntries = listPackage(asarPath, { isPack: false });
  });

  afterAll(async () => {
    if (temp) await rm(temp, { recursive: true, force: true });
  });

  it('puts the main, preload and renderer bundles into app.asar', () => {
    expect(asarEntries).toEqual(
      expect.arrayContaining(['/.vite/build/main.js', '/.vite/build/preload.cjs', '/.vite/renderer/main_window/index.html']),
    );
  });

  it('boots the bundle Forge built (minified, Forge’s own defines) against the recording stand-in for Electron', async () => {
    await expectMainBundleBoots(temp, project);
  });

  it('points package.json `main` inside the archive at a file that is there, and every chunk it imports too', () => {
    const packaged = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as PackageJson;
    expect(packaged.main).toBe(pkg.main);
    expect(asarEntries).toContain(`/${path.posix.normalize(packaged.main)}`);
    const bundles = asarEntries.filter((entry) => entry.startsWith('/.vite/build/') && entry.endsWith('.js'));
    for (const bundle of bundles) {
      const source = extractFile(asarPath, bundle.slice(1)).toString('utf8');
      for (const specifier of relativeImports(source)) {
        expect(asarEntries, `${bundle} imports ${specifier}`).toContain(path.posix.join(path.posix.dirname(bundle), specifier));
      }
    }
  });

  it('loads the renderer’s scripts and styles by relative paths that exist in the archive', () => {
    const html = extractFile(asarPath, '.vite/renderer/main_window/index.html').toString('utf8');
    const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(references.length).toBeGreaterThan(0);
    for (const reference of references) {
      expect(reference, reference).not.toMatch(/^(\/|https?:)/);
      expect(asarEntries).toContain(path.posix.join('/.vite/renderer/main_window', reference));
    }
  });

  it('gives the sandboxed preload no module but electron to require', () => {
    const preload = extractFile(asarPath, '.vite/build/preload.cjs').toString('utf8');
    const required = new Set([...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]));
    expect([...required]).toEqual(['electron']);
  });

  it('ships bundles and the keychain binding only: no sources, no source maps, no tests, no other node_modules files', () => {
    for (const entry of asarEntries) {
      expect(entry).not.toMatch(/\.map$/);
      expect(entry).not.toMatch(/^\/(electron|shared|renderer|test|build|\.tools)\//);
      expect(entry).not.toMatch(/^\/(forge\.config\.ts|vite\..*|tsconfig.*|package-lock\.json)$/);
      // Empty folders for other dependencies may appear; files from them may not.
      if (/^\/node_modules\/[^/]+\/[^/]+\//.test(entry)) expect(entry).toMatch(/^\/node_modules\/@napi-rs\/keyring(-[^/]+)?\//);
    }
  });

  it('unpacks the native keychain binary next to the archive, where it can be loaded', async () => {
    const binary = asarEntries.find((entry) => entry.endsWith('.node'));
    expect(binary).toMatch(/^\/node_modules\/@napi-rs\/keyring-linux-x64-gnu\/.+\.node$/);
    expect(await exists(path.join(packagedDir, 'resources', 'app.asar.unpacked', binary ?? ''))).toBe(true);
  });

  it('carries the roledeck command built by build:cli-sea in resources/cli, still executable, beside its keychain binary', async () => {
    const cli = path.join(packagedDir, 'resources', 'cli');
    expect((await stat(path.join(cli, 'roledeck'))).mode & 0o111).not.toBe(0);
    expect(await exists(path.join(cli, 'keyring.node'))).toBe(true);
    expect((await run(path.join(cli, 'roledeck'), [], { cwd: temp })).trim()).toBe(pkg.version);
    // Outside the archive: the app's install service links to it, and the OS runs it.
    expect(asarEntries.some((entry) => entry.includes('/cli/'))).toBe(false);
  });

  it('renames the executable and keeps the Electron distribution files', async () => {
    expect(await exists(path.join(packagedDir, 'roledeck'))).toBe(true);
    expect(await exists(path.join(packagedDir, 'LICENSE'))).toBe(true);
  });

  it('makes a zip and a deb with Forge’s makers, each holding the app', async () => {
    const made = await filesUnder(path.join(project, 'out', 'make'));
    const zip = made.find((file) => file.endsWith(`${pkg.productName}-linux-x64-${pkg.version}.zip`));
    const deb = made.find((file) => file.endsWith('.deb'));
    expect(zip, made.join('\n')).toBeDefined();
    expect(deb, made.join('\n')).toBeDefined();
    const zipped = await run('unzip', ['-l', zip ?? ''], { cwd: temp });
    expect(zipped).toContain(`${pkg.productName}-linux-x64/resources/app.asar`);
    expect(zipped).toContain(`${pkg.productName}-linux-x64/resources/cli/roledeck`);
    const contents = await run('dpkg-deb', ['-c', deb ?? ''], { cwd: temp });
    expect(contents).toContain('./usr/lib/roledeck/resources/app.asar');
    expect(contents).toMatch(/-rwxr-xr-x .* \.\/usr\/lib\/roledeck\/resources\/cli\/roledeck\n/);
    // `roledeck` in a terminal is the CLI; the menu entry starts the app by its full path.
    expect(contents).toMatch(/\.\/usr\/bin\/roledeck -> \.\.\/lib\/roledeck\/resources\/cli\/roledeck\n/);
    const unpacked = path.join(temp, 'deb-contents');
    await run('dpkg-deb', ['-x', deb ?? '', unpacked], { cwd: temp });
    const desktop = await readFile(path.join(unpacked, 'usr/share/applications/roledeck.desktop'), 'utf8');
    expect(desktop).toContain('Exec=/usr/lib/roledeck/roledeck %U\n');
    expect(await exists(path.join(unpacked, 'usr/lib/roledeck/roledeck'))).toBe(true);
  });

  // electron-builder downloads fpm (its .deb/.rpm backend) and the AppImage tools from GitHub, and
  // even its zip target fetches 7-Zip from there, so none of its Linux targets runs offline as is.
  // The deb target runs here with fpm replaced by fpm-standin.mjs (CUSTOM_FPM_PATH, a documented
  // override): electron-builder's own config handling, prepackaged input and update-metadata
  // writing are real; only the final `.deb` assembly is done by dpkg-deb instead of fpm.
  it('turns Forge’s packaged app into a deb plus latest-linux.yml with electron-builder --prepackaged, whose postinst makes roledeck the CLI', async () => {
    const fpm = path.join(temp, 'bin', 'fpm.mjs');
    await mkdir(path.dirname(fpm), { recursive: true });
    await writeFile(fpm, `#!${process.execPath}\n${await readFile(path.join(import.meta.dirname, 'fpm-standin.mjs'), 'utf8')}`);
    await chmod(fpm, 0o755);
    const output = path.join(temp, 'installers');
    await run(
      process.execPath,
      [
        builderCli,
        '--config', 'build/electron-builder.yml',
        '--prepackaged', packagedDir,
        '--linux', 'deb',
        '--x64',
        '--publish', 'never',
        `-c.electronDist=${stub.distDir}`,
        `-c.directories.output=${output}`,
      ],
      { cwd: project, env: { CUSTOM_FPM_PATH: fpm, ELECTRON_BUILDER_CACHE: path.join(temp, 'builder-cache') } },
    );

    const deb = path.join(output, `roledeck_${pkg.version}_amd64.deb`);
    expect(await exists(deb)).toBe(true);
    const contents = await run('dpkg-deb', ['-c', deb], { cwd: temp });
    expect(contents).toContain(`./opt/${pkg.productName}/resources/app.asar`);
    expect(contents).toContain(`./opt/${pkg.productName}/resources/app-update.yml`);
    await expectBuilderScriptsLinkTheCli(temp, deb, pkg.productName);

    const latest = await readFile(path.join(output, 'latest-linux.yml'), 'utf8');
    const sha512 = createHash('sha512').update(await readFile(deb)).digest('base64');
    expect(latest).toMatch(new RegExp(`^version: ${pkg.version.replaceAll('.', '\\.')}$`, 'm'));
    expect(latest).toMatch(new RegExp(`^path: roledeck_${pkg.version.replaceAll('.', '\\.')}_amd64\\.deb$`, 'm'));
    expect(latest).toContain(`sha512: ${sha512}`);

    // The feed electron-updater will poll, written next to app.asar.
    const updateConfig = await readFile(path.join(packagedDir, 'resources', 'app-update.yml'), 'utf8');
    expect(updateConfig).toMatch(/^provider: generic$/m);
    expect(updateConfig).toMatch(/^url: https:\/\/updates\.roledeck\.invalid\//m);
  });
});
