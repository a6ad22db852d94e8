import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAppAsset, serveAppProtocol } from '../../../../../electron/main/window/app-protocol';

const ROOT = '/opt/Roledeck/resources/app.asar/.vite/renderer/main_window';

describe('resolveAppAsset', () => {
  it('maps app://roledeck/ paths to files under the renderer folder, with their type', () => {
    expect(resolveAppAsset(ROOT, 'app://roledeck/')).toEqual({ file: `${ROOT}/index.html`, mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppAsset(ROOT, 'app://roledeck/index.html#/sessions')).toEqual({ file: `${ROOT}/index.html`, mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppAsset(ROOT, 'app://roledeck/assets/index-abc.js?v=1')?.file).toBe(`${ROOT}/assets/index-abc.js`);
    expect(resolveAppAsset(ROOT, 'app://roledeck/assets/index-abc.css')?.mimeType).toBe('text/css; charset=utf-8');
  });

  it('never resolves to a file outside the folder, however the climb is spelled', () => {
    // The URL parser already folds plain and %2e dot segments at the root; what survives it
    // (encoded slashes, backslashes, NUL, broken escapes) is refused here.
    for (const url of [
      'app://roledeck/../../../../home/me/.aws/credentials.html',
      'app://roledeck/%2e%2e/%2e%2e/agent.json',
      'app://roledeck/assets/..%2f..%2f..%2fetc/passwd.html',
      'app://roledeck/%2e%2e%5c%2e%2e%5cwin.ini',
      'app://roledeck/index.html%00.png',
      'app://roledeck/%E0%A4%A',
    ]) {
      const asset = resolveAppAsset(ROOT, url);
      if (asset) expect(asset.file.startsWith(`${ROOT}/`), `${url} -> ${asset.file}`).toBe(true);
    }
    expect(resolveAppAsset(ROOT, 'app://roledeck/assets/..%2f..%2f..%2fetc/passwd.html')).toBeNull();
    expect(resolveAppAsset(ROOT, 'app://roledeck/index.html%00.png')).toBeNull();
    expect(resolveAppAsset(ROOT, 'app://roledeck/%E0%A4%A')).toBeNull();
  });

  it('refuses other schemes and hosts, credentials in the URL, and file types the renderer never ships', () => {
    for (const url of [
      'file:///opt/Roledeck/resources/app.asar/.vite/renderer/main_window/index.html',
      'app://evil/index.html',
      'app://me:pw@roledeck/index.html',
      'https://roledeck/index.html',
      'app://roledeck/assets/index.js.map',
      'app://roledeck/profiles.rdk',
      'not a url',
    ]) {
      expect(resolveAppAsset(ROOT, url), url).toBeNull();
    }
  });
});

describe('serveAppProtocol', () => {
  let root: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'roledeck-app-protocol-'));
    await mkdir(path.join(root, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(root, 'renderer', 'index.html'), '<!doctype html><p>Roledeck</p>');
    await writeFile(path.join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
    // A secret beside the renderer folder, where a climbing path would find it.
    await writeFile(path.join(root, 'credentials.html'), 'aws_secret_access_key = x');
    serveAppProtocol(
      { handle: (_scheme, serve) => (handler = serve) },
      { rootDir: path.join(root, 'renderer'), csp: "default-src 'none'", readFile: (file) => readFile(file) },
    );
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('serves the page and its scripts with the CSP as a header', async () => {
    const page = await handler(new Request('app://roledeck/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Roledeck');
    expect((await handler(new Request('app://roledeck/assets/app.js'))).status).toBe(200);
  });

  it('answers 404 for a missing file and for a path outside the folder', async () => {
    expect((await handler(new Request('app://roledeck/assets/missing.js'))).status).toBe(404);
    const climbing = await handler(new Request('app://roledeck/%2e%2e/credentials.html'));
    expect(climbing.status).toBe(404);
    expect(await climbing.text()).toBe('');
  });
});
