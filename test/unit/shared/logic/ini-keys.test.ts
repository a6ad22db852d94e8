import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addToProfileSection, readStaticKeys, removeStaticKeys } from '../../../../shared/logic/ini-keys';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const MARKER = '# Managed by Roledeck: profile consultant - edits here are replaced';

describe('removeStaticKeys (credentials file)', () => {
  it('takes out the key lines of one profile and keeps its other keys and comments', () => {
    const text = `[default]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other\n\n[consultant]\n# work key\nregion = eu-west-1\naws_access_key_id=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${SECRET}\noutput = json\n`;
    const result = removeStaticKeys(text, 'consultant');
    expect(result.removed).toBe(2);
    expect(result.text).toBe('[default]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = other\n\n[consultant]\n# work key\nregion = eu-west-1\noutput = json\n');
  });

  it('removes a section left empty, header and separator included, and keeps CRLF and a missing final newline', () => {
    const text = `[a]\r\nregion = x\r\n\r\n[consultant]\r\naws_access_key_id = AKIA1\r\naws_secret_access_key = ${SECRET}`;
    expect(removeStaticKeys(text, 'consultant').text).toBe('[a]\r\nregion = x');
    const middle = `[consultant]\naws_access_key_id = AKIA1\naws_secret_access_key = ${SECRET}\naws_session_token = t\n\n[b]\nregion = y\n`;
    expect(removeStaticKeys(middle, 'consultant').text).toBe('[b]\nregion = y\n');
  });

  it('reads keys as the SDKs do: the section name is the bracket text, names without case, a later line wins', () => {
    const keys = readStaticKeys(`[profile x]\naws_access_key_id = A\n[x]\nAWS_ACCESS_KEY_ID = B\naws_secret_access_key = S ; comment\n[x]\naws_access_key_id = C\n`);
    expect(keys.get('x')).toEqual({ accessKeyId: 'C', secretAccessKey: 'S' });
    expect(keys.get('profile x')).toEqual({ accessKeyId: 'A' });
  });

  it('changes no byte outside the removed lines, whatever surrounds them (property)', () => {
    const line = fc.oneof(
      fc.constantFrom('', '# note', '; other', 'region = eu-west-1', 'output=json', '  indented = 1', 'junk line', '[other]', '[profile consultant]'),
      fc.string({ maxLength: 12 }).filter((text) => !/[\r\n[\]=]/.test(text)),
    );
    const eol = fc.constantFrom('\n', '\r\n');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(line, { maxLength: 8 }), eol, (before, after, newline) => {
        const prefix = before.map((text) => `${text}${newline}`).join('');
        const suffix = after.map((text) => `${text}${newline}`).join('');
        const section = `[consultant]${newline}keep = 1${newline}aws_access_key_id = AKIA1${newline}aws_secret_access_key = ${SECRET}${newline}`;
        const result = removeStaticKeys(`${prefix}${section}${suffix}`, 'consultant');
        // A section of the same name in the surroundings loses its key lines too; without one, only ours go.
        if (!/^\[consultant\]/m.test(prefix + suffix)) {
          expect(result.text).toBe(`${prefix}[consultant]${newline}keep = 1${newline}${suffix}`);
        }
        expect(result.text).not.toContain(SECRET);
      }),
    );
  });
});

describe('addToProfileSection (config file)', () => {
  const line = { credential_process: '/usr/bin/node /opt/roledeck.mjs credential-process --id abcdef12-0000 consultant' };

  it('adds the line under Roledeck’s marker after the last key of the section the user wrote', () => {
    const text = '[profile consultant]\nregion = eu-west-1\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n\n# next\n[profile other]\nregion = x\n';
    const result = addToProfileSection(text, '[profile consultant]', line, MARKER);
    expect(result).toEqual({
      ok: true,
      change: 'updated',
      text: `[profile consultant]\nregion = eu-west-1\nmfa_serial = arn:aws:iam::123456789012:mfa/me\n${MARKER}\ncredential_process = ${line.credential_process}\n\n# next\n[profile other]\nregion = x\n`,
    });
    if (!result.ok) return;
    expect(addToProfileSection(result.text, '[profile consultant]', line, MARKER)).toEqual({ ok: true, change: 'unchanged', text: result.text });
    const moved = addToProfileSection(result.text, '[profile consultant]', { credential_process: 'roledeck credential-process --id x consultant' }, MARKER);
    expect(moved.ok && moved.text).toContain('credential_process = roledeck credential-process --id x consultant\n\n# next');
  });

  it('makes Roledeck’s own section when there is none, and ends a file without a final newline cleanly', () => {
    expect(addToProfileSection('', '[profile consultant]', line, MARKER)).toMatchObject({ ok: true, change: 'added' });
    const result = addToProfileSection('[profile consultant]\nregion = x', '[profile consultant]', line, MARKER);
    expect(result.ok && result.text).toBe(`[profile consultant]\nregion = x\n${MARKER}\ncredential_process = ${line.credential_process}`);
  });

  it('refuses a section that already sets the key itself', () => {
    expect(addToProfileSection('[default]\ncredential_process = other\n', '[default]', line, MARKER)).toEqual({ ok: false, reason: 'hand-written', line: 2 });
  });
});
