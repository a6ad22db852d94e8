import { describe, expect, it } from 'vitest';
import {
  awsConfigHeader,
  awsProfileNameError,
  conflictText,
  installChangeText,
} from '../../../../../renderer/src/features/sessions/install-cli-profile';

describe('installing a CLI profile: the words around it', () => {
  it('writes the header the AWS CLI reads, [default] for the default profile', () => {
    expect(awsConfigHeader('acme-prod')).toBe('[profile acme-prod]');
    expect(awsConfigHeader('default')).toBe('[default]');
  });

  it('checks the AWS profile name with the profile-name rule, as a sentence', () => {
    expect(awsProfileNameError('acme-prod')).toBeNull();
    expect(awsProfileNameError('acme.prod@eu+1_x')).toBeNull();
    expect(awsProfileNameError('acme prod')).toBe('A profile name may contain only letters, digits and . @ + _ -.');
    expect(awsProfileNameError('')).toBe('A profile name is 1–64 characters.');
    expect(awsProfileNameError('x'.repeat(65))).toBe('A profile name is 1–64 characters.');
    expect(awsProfileNameError('__proto__')).toBe('A profile name may not be __proto__.');
  });

  it('says what the install changed', () => {
    expect(installChangeText({ change: 'added', awsProfile: 'acme-prod' })).toBe('Added [profile acme-prod].');
    expect(installChangeText({ change: 'updated', awsProfile: 'acme-prod' })).toBe('Updated [profile acme-prod].');
    expect(installChangeText({ change: 'unchanged', awsProfile: 'default' })).toBe('[default] was already up to date; nothing changed.');
  });

  it('puts the CLI flags of a conflict into the window’s words, and leaves other messages alone', () => {
    const fromMain =
      '~/.aws/config already has a [profile acme-prod] you wrote yourself. Pass --force to replace it (a backup is kept), or pick another --aws-profile name.';
    expect(conflictText(fromMain)).toBe(
      '~/.aws/config already has a [profile acme-prod] you wrote yourself. Replace it (a backup is kept), or choose another AWS profile name.',
    );
    expect(conflictText('Something else went wrong.')).toBe('Something else went wrong.');
  });
});
