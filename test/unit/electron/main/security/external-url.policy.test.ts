import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../../../electron/main/security/external-url.policy';

describe('isAllowedExternalUrl', () => {
  it('allows https links to AWS documentation, the console (regional too), sign-in and the project on GitHub', () => {
    for (const url of [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html',
      'https://console.aws.amazon.com/iam/home#/roles',
      'https://us-east-1.console.aws.amazon.com/cloudformation/home?region=us-east-1',
      'https://eu-central-2.console.aws.amazon.com/',
      'https://signin.aws.amazon.com/federation?Action=login&SigninToken=x',
      'https://github.com/roledeck',
      'https://github.com/roledeck/roledeck/issues/1',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(true);
    }
  });

  it('refuses http:, javascript:, file: and other schemes even for allowed hosts', () => {
    for (const url of [
      'http://docs.aws.amazon.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'file://docs.aws.amazon.com/x',
      'data:text/html,<script>alert(1)</script>',
      'smb://docs.aws.amazon.com/share',
      'ms-msdt:/id PCWDiagnostic',
      'ftp://docs.aws.amazon.com/',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses unknown hosts and look-alikes', () => {
    for (const url of [
      'https://evil.example/',
      'https://docs.aws.amazon.com.evil.example/',
      'https://evildocs.aws.amazon.com/',
      'https://aws.amazon.com.evil.example/',
      'https://evil.console.aws.amazon.com.example/',
      'https://x.y.console.aws.amazon.com/',
      'https://github.com/someone-else/roledeck',
      'https://github.com/roledeck-evil/x',
      'https://gist.github.com/roledeck/',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
  });

  it('refuses credentials and non-default ports in the URL, and text that is not a URL', () => {
    expect(isAllowedExternalUrl('https://user:pass@docs.aws.amazon.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://docs.aws.amazon.com:8443/')).toBe(false);
    expect(isAllowedExternalUrl('docs.aws.amazon.com')).toBe(false);
    expect(isAllowedExternalUrl('')).toBe(false);
  });
});
