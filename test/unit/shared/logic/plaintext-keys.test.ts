import { describe, expect, it } from 'vitest';
import { readStaticKeys } from '../../../../shared/logic/ini-keys';
import { planPlaintextRemoval, removePlaintextKeys } from '../../../../shared/logic/plaintext-keys';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const KEY = 'AKIAIOSFODNN7EXAMPLE';
const user = { id: 'user-0001', name: 'consultant', accessKeyId: KEY };

function plan(credentialsText: string, options: { secret?: string; merged?: Record<string, Record<string, string>>; configText?: string } = {}) {
  return planPlaintextRemoval({
    credentialsText,
    configText: options.configText ?? '',
    merged: options.merged ?? {},
    users: [user],
    secretOf: () => options.secret ?? SECRET,
  });
}
const keys = (name: string, secret = SECRET) => `[${name}]\naws_access_key_id = ${KEY}\naws_secret_access_key = ${secret}\n`;

describe('which plaintext keys can leave ~/.aws/credentials', () => {
  it('only a profile whose key the keychain holds, secret for secret', () => {
    expect(plan(keys('consultant')).ready).toEqual([{ awsProfile: 'consultant', user: { id: 'user-0001', name: 'consultant' }, accessKeyIdMasked: 'AKIA••••••••••••MPLE', mfa: false }]);
    expect(plan(keys('consultant'), { secret: 'x'.repeat(40) }).kept[0]?.reason).toMatch(/keychain holds a different secret/);
    expect(plan(`[other]\naws_access_key_id = AKIAOTHERKEY00000000\naws_secret_access_key = ${SECRET}\n`).kept[0]?.reason).toMatch(/no Roledeck IAM user has the key AKIA/);
  });

  it('keeps profiles that another setting would take over, temporary keys, and a secret the config file repeats', () => {
    expect(plan(keys('consultant'), { merged: { consultant: { sso_session: 'corp' } } }).kept[0]?.reason).toMatch(/also sets sso_session/);
    expect(plan(`${keys('consultant')}aws_session_token = t\n`).kept[0]?.reason).toMatch(/temporary/);
    expect(plan(keys('consultant'), { configText: `[profile consultant]\naws_secret_access_key = ${SECRET}\n` }).kept[0]?.reason).toMatch(/config file \(line 2\)/);
  });

  it('never names a secret in a reason', () => {
    const result = plan(`${keys('consultant')}\n${keys('temp')}aws_session_token = t\n`, { secret: 'y'.repeat(40) });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});

describe('removing them', () => {
  it('keeps a profile whose secret another profile of the file still holds', () => {
    const text = `${keys('consultant')}\n${keys('default')}`;
    const ready = plan(text).ready.filter((entry) => entry.awsProfile === 'consultant');
    const planned = new Map([['consultant', { accessKeyId: KEY, secretAccessKey: SECRET }]]);
    const result = removePlaintextKeys(text, ready, planned);
    expect(result.removed).toEqual([]);
    expect(result.text).toBe(text);
    expect(result.kept[0]?.reason).toMatch(/also appears elsewhere in the credentials file \(line 7\)/);
    const both = removePlaintextKeys(text, plan(text).ready, new Map([...planned, ['default', { accessKeyId: KEY, secretAccessKey: SECRET }]]));
    expect(both.removed).toEqual(['consultant', 'default']);
    expect(both.text).toBe('');
  });

  it('leaves keys that changed in the file since the plan', () => {
    const text = keys('consultant', 'z'.repeat(40));
    const ready = plan(keys('consultant')).ready;
    const result = removePlaintextKeys(text, ready, new Map([['consultant', { accessKeyId: KEY, secretAccessKey: SECRET }]]));
    expect(result.removed).toEqual([]);
    expect(readStaticKeys(result.text).get('consultant')?.secretAccessKey).toBe('z'.repeat(40));
  });
});
