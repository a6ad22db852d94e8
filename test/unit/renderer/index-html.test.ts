import { existsSync, readFileSync } from 'node:fs';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_META } from '../../../shared/logic/content-security-policy';
import { cspMetaPlugin } from '../../../vite.renderer.config';

const source = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');

describe('renderer/index.html', () => {
  it('has no inline script or style for the policy to block', () => {
    expect(source).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(source).not.toMatch(/<style[\s>]/);
    expect(source).not.toMatch(/\sstyle=/);
  });

  it('gets the shared Content Security Policy as its first head element, in builds only', () => {
    const plugin = cspMetaPlugin();
    expect(plugin.apply).toBe('build');
    const hook = plugin.transformIndexHtml as { handler: () => Array<{ tag: string; attrs: Record<string, string>; injectTo: string }> };
    expect(hook.handler()).toEqual([
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META }, injectTo: 'head-prepend' },
    ]);
  });
});

describe('the built renderer page', () => {
  const built = new URL('../../../.vite/renderer/main_window/index.html', import.meta.url);
  beforeAll(async () => {
    if (!existsSync(built)) await build({ configFile: new URL('../../../vite.renderer.config.ts', import.meta.url).pathname, logLevel: 'warn' });
  }, 120_000);

  it('carries exactly the shared policy in a <meta> tag before any script', () => {
    const html = readFileSync(built, 'utf8').replaceAll('&#39;', "'");
    const declared = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(declared?.[1]).toBe(CONTENT_SECURITY_POLICY_META);
    expect(declared!.index).toBeLessThan(html.indexOf('<script'));
  });
});
