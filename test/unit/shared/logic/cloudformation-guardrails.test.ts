import { describe, expect, it } from 'vitest';
import { confirmTargetAccount, isStatefulType } from '../../../../shared/logic/cloudformation-guardrails';

describe('stateful resource types', () => {
  it.each([
    ['AWS::RDS::DBInstance', true],
    ['AWS::RDS::DBCluster', true],
    ['AWS::DynamoDB::Table', true],
    ['AWS::DynamoDB::GlobalTable', true],
    ['AWS::S3::Bucket', true],
    ['AWS::EFS::FileSystem', true],
    ['AWS::S3::BucketPolicy', false],
    ['AWS::SNS::Topic', false],
    ['AWS::RDSX::Thing', false],
  ])('%s → %s', (type, stateful) => {
    expect(isStatefulType(type)).toBe(stateful);
  });
});

describe('typing the account ID before a production deploy', () => {
  it.each([
    ['123456789012', true],
    ['1234-5678-9012', true],
    [' 1234 5678 9012 ', true],
    ['123456789013', false],
    ['12345678901', false],
    ['', false],
    ['acme-prod', false],
  ])('"%s" confirms 123456789012: %s', (typed, ok) => {
    expect(confirmTargetAccount(typed, '123456789012').ok).toBe(ok);
  });

  it('says what to do without deploying, for a wrong, short or empty ID', () => {
    const wrong = confirmTargetAccount('123456789013', '123456789012');
    expect(wrong).toEqual({ ok: false, message: expect.stringMatching(/not the account this deploy targets\. Nothing was deployed/) });
    expect(confirmTargetAccount('1234', '123456789012')).toEqual({ ok: false, message: expect.stringMatching(/exactly 12 digits/) });
    expect(confirmTargetAccount('', '123456789012')).toEqual({ ok: false, message: expect.stringMatching(/^Type the 12-digit ID/) });
  });
});
