import { describe, expect, it } from 'vitest';
import { judgeAnswer } from '../../../../../electron/node/aws-files/credential-process-check';

const NOW = Date.UTC(2025, 5, 2, 12, 0);
const answer = (fields: Record<string, unknown>) => JSON.stringify(fields);
const KEYS = { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', SessionToken: 'token' };

describe('judgeAnswer: what the AWS CLI requires of a credential_process answer', () => {
  it('works with Version 1 and both keys, and says until when', () => {
    expect(judgeAnswer(answer({ Version: 1, ...KEYS, Expiration: '2025-06-02T13:00:00Z' }), NOW)).toEqual({ works: true, expiresAt: Date.UTC(2025, 5, 2, 13, 0) });
    expect(judgeAnswer(answer({ Version: 1, AccessKeyId: 'AKIA', SecretAccessKey: 's' }), NOW)).toEqual({ works: true });
  });

  it('names what is wrong, never the credentials', () => {
    expect(judgeAnswer('roledeck 0.1.0', NOW)).toEqual({ works: false, reason: 'It printed something that is not JSON, so the AWS CLI cannot read credentials from it' });
    expect(judgeAnswer(answer({ Version: 2, ...KEYS }), NOW)).toEqual({ works: false, reason: 'Its answer has Version 2; the AWS CLI accepts only 1' });
    expect(judgeAnswer(answer({ ...KEYS }), NOW)).toEqual({ works: false, reason: 'Its answer has Version null; the AWS CLI accepts only 1' });
    expect(judgeAnswer(answer({ Version: 1, AccessKeyId: 'ASIA' }), NOW)).toEqual({ works: false, reason: 'Its answer has no SecretAccessKey' });
    expect(judgeAnswer(answer({ Version: 1, SessionToken: 'x' }), NOW)).toEqual({ works: false, reason: 'Its answer has no AccessKeyId and no SecretAccessKey' });
    const expired = judgeAnswer(answer({ Version: 1, ...KEYS, Expiration: '2025-06-02T11:00:00Z' }), NOW);
    expect(expired.works).toBe(false);
    expect(JSON.stringify(expired)).not.toContain(KEYS.SecretAccessKey);
  });
});
