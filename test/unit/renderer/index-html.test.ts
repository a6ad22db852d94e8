import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY_META } from '../../../shared/logic/content-security-policy';

const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');

describe('renderer/index.html', () => {
  it('declares exactly the shared Content Security Policy for <meta> delivery', () => {
    const declared = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(declared).toBe(CONTENT_SECURITY_POLICY_META);
  });

  it('has no inline script or style for the policy to block', () => {
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style[\s>]/);
    expect(html).not.toMatch(/\sstyle=/);
  });
});
