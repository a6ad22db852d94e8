import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdtemp, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeInstalledRoot,
  renderMaintainerScript,
  renderScriptFile,
  runMaintainerScript,
  SCRIPTS_DIR,
  type ProductNames,
} from '../../fixtures/linux-maintainer-scripts';

// build/linux/: the deb/rpm post-install and post-remove scripts electron-builder packs instead of
// its defaults. Rendered as electron-builder renders them, run by their shebang against a temporary
// root (ROLEDECK_TEST_ROOT), with the system-changing commands stood in for.

const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../../..');
const linux = process.platform === 'linux';
const TEMPLATES = ['after-install.tpl', 'after-remove.tpl'] as const;

/** productName and executableName as build/electron-builder.yml sets them. */
async function configuredNames(): Promise<ProductNames> {
  const config = await readFile(path.join(repo, 'build/electron-builder.yml'), 'utf8');
  const value = (key: string) => new RegExp(`^${key}: (.+)$`, 'm').exec(config)?.[1]?.trim() ?? '';
  return { executable: value('executableName'), sanitizedProductName: value('productName') };
}

describe('the Linux maintainer scripts as templates', () => {
  it('are the deb and rpm scripts in build/electron-builder.yml', async () => {
    const config = await readFile(path.join(repo, 'build/electron-builder.yml'), 'utf8');
    for (const target of ['deb', 'rpm']) {
      const section = new RegExp(`^${target}:\\n((?:  .*\\n|\\s*#.*\\n)*)`, 'm').exec(config)?.[1] ?? '';
      expect(section, target).toContain('afterInstall: build/linux/after-install.tpl\n');
      expect(section, target).toContain('afterRemove: build/linux/after-remove.tpl\n');
    }
  });

  it('use no macro electron-builder would refuse, and parse as POSIX sh and as bash once rendered', async () => {
    const names = await configuredNames();
    expect(names).toEqual({ executable: 'roledeck', sanitizedProductName: 'Roledeck' });
    const shells = ['bash', ...(existsSync('/bin/dash') ? ['dash'] : [])];
    for (const template of TEMPLATES) {
      const source = await readFile(path.join(SCRIPTS_DIR, template), 'utf8');
      expect(source.startsWith('#!/bin/sh\n'), template).toBe(true);
      const rendered = renderMaintainerScript(source, names);
      expect(rendered, template).not.toMatch(/\$\{[a-zA-Z]+\}/);
      expect(rendered, template).toContain("'/opt/Roledeck'");
      for (const shell of shells) {
        await expect(exec(shell, ['-n', '-c', rendered]), `${shell} -n ${template}`).resolves.toBeDefined();
      }
    }
  });

  it('fail rendering the way electron-builder does when a shell variable is written like a macro', () => {
    expect(() => renderMaintainerScript('ROOT=x\necho "${ROOT}/usr/bin"\n', { executable: 'a', sanitizedProductName: 'A' })).toThrow(
      'Macro ROOT is not defined',
    );
  });
});

describe.skipIf(!linux)('the Linux maintainer scripts run against a temporary root', () => {
  const names: ProductNames = { executable: 'roledeck', sanitizedProductName: 'Roledeck' };
  let temp: string;
  let root: string;
  let standIns: string;
  let postinst: string;
  let postrm: string;
  const link = () => path.join(root, 'usr/bin/roledeck');
  const installDir = () => path.join(root, 'opt/Roledeck');

  beforeEach(async () => {
    temp = await mkdtemp(path.join(os.tmpdir(), 'roledeck-maintainer-'));
    root = path.join(temp, 'root');
    standIns = path.join(temp, 'stand-ins');
    postinst = await renderScriptFile('after-install.tpl', names, temp);
    postrm = await renderScriptFile('after-remove.tpl', names, temp);
  });

  afterEach(async () => {
    await rm(temp, { recursive: true, force: true });
  });

  it('links /usr/bin/roledeck to the CLI in resources/cli when the package carries it', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: true });
    const run = await runMaintainerScript(postinst, ['configure'], { root, standIns });
    expect(run.code).toBe(0);
    expect(await readlink(link())).toBe(path.join(installDir(), 'resources/cli/roledeck'));
    expect((await exec(link(), [])).stdout).toBe('cli\n');
  });

  it('links /usr/bin/roledeck to the app when the package has no CLI, as electron-builder did', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: false });
    const run = await runMaintainerScript(postinst, ['configure'], { root, standIns });
    expect(run.code).toBe(0);
    expect(await readlink(link())).toBe(path.join(installDir(), 'roledeck'));
  });

  it('replaces the link an earlier version or electron-builder’s update-alternatives made', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: true });
    await symlink('/etc/alternatives/roledeck', link());
    expect((await runMaintainerScript(postinst, ['configure'], { root, standIns })).code).toBe(0);
    expect(await readlink(link())).toBe(path.join(installDir(), 'resources/cli/roledeck'));
  });

  it('leaves a /usr/bin/roledeck that is a file, and says how to run the command instead', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: true });
    await writeFile(link(), 'someone else’s roledeck');
    const run = await runMaintainerScript(postinst, ['configure'], { root, standIns });
    expect(run.code).toBe(0);
    expect(await readFile(link(), 'utf8')).toBe('someone else’s roledeck');
    expect(run.stderr).toContain(`Run ${path.join(installDir(), 'resources/cli/roledeck')} by its full path, or remove ${link()}`);
  });

  it('makes chrome-sandbox setuid only when unprivileged user namespaces do not work', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: true });
    const sandbox = path.join(installDir(), 'chrome-sandbox');
    await runMaintainerScript(postinst, ['configure'], { root, standIns, exits: { unshare: 1 } });
    expect((await stat(sandbox)).mode & 0o7777).toBe(0o4755);

    const run = await runMaintainerScript(postinst, ['configure'], { root, standIns, exits: { unshare: 0 } });
    // The script asks the running kernel first: without /proc/self/ns/user it never tries unshare.
    const namespaces = (await lstat('/proc/self/ns/user').catch(() => null))?.isSymbolicLink() ?? false;
    expect((await stat(sandbox)).mode & 0o7777).toBe(namespaces ? 0o755 : 0o4755);
    if (namespaces) expect(run.calls).toContain('unshare --user true');
  });

  it('refreshes the MIME and desktop databases under the root it installs to', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: true });
    const run = await runMaintainerScript(postinst, ['configure'], { root, standIns });
    expect(run.calls).toEqual(
      expect.arrayContaining([
        `update-mime-database ${path.join(root, 'usr/share/mime')}`,
        `update-desktop-database ${path.join(root, 'usr/share/applications')}`,
      ]),
    );
  });

  it('installs and loads the AppArmor profile where AppArmor is on and can read it, and only there', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: true });
    const profile = path.join(root, 'etc/apparmor.d/roledeck');

    const off = await runMaintainerScript(postinst, ['configure'], { root, standIns });
    expect(existsSync(profile)).toBe(false);
    expect(off.calls.filter((call) => call.startsWith('apparmor_parser'))).toEqual([]);

    const old = await runMaintainerScript(postinst, ['configure'], { root, standIns, exits: { apparmor_status: 0, apparmor_parser: 1 } });
    expect(existsSync(profile)).toBe(false);
    expect(old.code).toBe(0);
    expect(old.stderr).toContain('this AppArmor cannot read the bundled profile');

    const chroot = await runMaintainerScript(postinst, ['configure'], { root, standIns, exits: { apparmor_status: 0, ischroot: 0 } });
    expect(await readFile(profile, 'utf8')).toBe('profile roledeck {}\n');
    expect(chroot.calls.filter((call) => call.startsWith('apparmor_parser --replace'))).toEqual([]);

    const on = await runMaintainerScript(postinst, ['configure'], { root, standIns, exits: { apparmor_status: 0 } });
    expect(on.calls).toContain(`apparmor_parser --replace --write-cache --skip-read-cache ${profile}`);
  });

  it('removes its own link and AppArmor profile on remove', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: true });
    await runMaintainerScript(postinst, ['configure'], { root, standIns, exits: { apparmor_status: 0 } });
    const profile = path.join(root, 'etc/apparmor.d/roledeck');
    expect(existsSync(profile)).toBe(true);

    const run = await runMaintainerScript(postrm, ['remove'], { root, standIns, exits: { apparmor_status: 0 } });
    expect(run.code).toBe(0);
    expect(existsSync(link())).toBe(false);
    expect((await lstat(link()).catch(() => null)) === null).toBe(true);
    expect(existsSync(profile)).toBe(false);
    expect(run.calls).toContain(`apparmor_parser --remove ${profile}`);
  });

  it('keeps a /usr/bin/roledeck link that points outside the install folder on remove', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: true });
    const elsewhere = path.join(temp, 'my-roledeck');
    await symlink(elsewhere, link());
    expect((await runMaintainerScript(postrm, ['remove'], { root, standIns })).code).toBe(0);
    expect(await readlink(link())).toBe(elsewhere);
    // Nor one into a folder whose name merely starts with the product's.
    await rm(link());
    await symlink(path.join(root, 'opt/Roledeck-nightly/roledeck'), link());
    await runMaintainerScript(postrm, ['purge'], { root, standIns });
    expect(await readlink(link())).toBe(path.join(root, 'opt/Roledeck-nightly/roledeck'));
  });

  it('keeps the link on an upgrade, for dpkg (upgrade) and for rpm (versions left: 1), and removes it for rpm’s erase (0)', async () => {
    await makeInstalledRoot(root, { product: 'Roledeck', withCli: true });
    await runMaintainerScript(postinst, ['configure'], { root, standIns });
    const cli = path.join(installDir(), 'resources/cli/roledeck');
    for (const args of [['upgrade', '1.2.0'], ['failed-upgrade', '1.2.0'], ['1']]) {
      expect((await runMaintainerScript(postrm, args, { root, standIns })).code).toBe(0);
      expect(await readlink(link()), args.join(' ')).toBe(cli);
    }
    await runMaintainerScript(postrm, ['0'], { root, standIns });
    expect(existsSync(link())).toBe(false);
  });

  it('installs and removes under a product name with a quote in it, as electron-builder escapes it', async () => {
    const quoted: ProductNames = { executable: 'roledeck', sanitizedProductName: "Role'deck" };
    const install = await renderScriptFile('after-install.tpl', quoted, temp);
    await makeInstalledRoot(root, { product: "Role'deck", withCli: true });
    expect((await runMaintainerScript(install, ['configure'], { root, standIns })).code).toBe(0);
    expect(await readlink(link())).toBe(path.join(root, "opt/Role'deck/resources/cli/roledeck"));
    const remove = await renderScriptFile('after-remove.tpl', quoted, temp);
    await runMaintainerScript(remove, ['remove'], { root, standIns });
    expect(existsSync(link())).toBe(false);
  });
});
