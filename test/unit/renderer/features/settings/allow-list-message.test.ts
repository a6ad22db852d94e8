import { describe, expect, it } from 'vitest';
import { allowListMessage } from '../../../../../renderer/src/features/settings/RoleAllowListEditor';

describe('allowListMessage', () => {
  it('keeps the rule from a refused settings.update and drops the channel and index', () => {
    expect(
      allowListMessage(
        'Invalid request for settings.update: roleNameAllowList.1: an allowed role name may contain only letters, digits, + = , . @ _ - and * as a wildcard',
      ),
    ).toBe('An allowed role name may contain only letters, digits, + = , . @ _ - and * as a wildcard');
    expect(allowListMessage('Invalid request for settings.update: roleNameAllowList: each allowed role name appears once')).toBe(
      'Each allowed role name appears once',
    );
  });

  it('passes other messages through', () => {
    expect(allowListMessage('The OS keychain is locked. Unlock it and try again.')).toBe('The OS keychain is locked. Unlock it and try again.');
  });
});
