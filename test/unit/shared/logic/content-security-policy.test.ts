import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  contentSecurityPolicy,
} from '../../../../shared/logic/content-security-policy';

/** Parses a policy string back into directives, the way a browser reads it. */
function parse(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

/** What a fetch directive falls back to when it is absent. */
function sourcesFor(directives: Map<string, string[]>, name: string): string[] {
  return directives.get(name) ?? directives.get('default-src') ?? [];
}

describe('content security policy', () => {
  const policy = parse(CONTENT_SECURITY_POLICY);

  it('allows nothing by default', () => {
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('runs only the bundled scripts: no inline script, no eval, no remote origin', () => {
    const scripts = sourcesFor(policy, 'script-src');
    expect(scripts).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|strict-dynamic|'nonce-|'sha\d+-/);
  });

  it('names no remote origin, scheme wildcard or host wildcard anywhere', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).toMatch(/^('self'|'none'|data:)$/);
      }
    }
    expect(sourcesFor(policy, 'img-src')).toContain('data:');
    expect(sourcesFor(policy, 'script-src')).not.toContain('data:');
    expect(sourcesFor(policy, 'connect-src')).toEqual(["'self'"]);
  });

  it('leaves header-only directives out of the <meta> variant and keeps the rest identical', () => {
    const meta = parse(CONTENT_SECURITY_POLICY_META);
    expect(meta.has('frame-ancestors')).toBe(false);
    for (const [name, sources] of meta) expect(policy.get(name)).toEqual(sources);
  });

  it('opens the development policy only to the dev server’s own socket, never to other hosts', () => {
    const dev = parse(contentSecurityPolicy({ devServerUrl: 'http://localhost:5173/' }));
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('default-src')).toEqual(["'none'"]);
  });
});
