import { describe, expect, it } from 'vitest';
import {
  DeployRecipeSchema,
  DeployRunSchema,
  ParameterValueSchema,
  S3BucketNameSchema,
  StackTagsSchema,
} from '../../../../shared/domain/deploy';

const recipe = {
  profileId: 'acme-prod-0001',
  templatePath: '/home/me/stacks/test.yaml',
  stackName: 'roledeck-test',
  region: 'eu-west-1',
  parameters: [{ key: 'Env', value: 'dev' }],
  tags: [{ key: 'team', value: 'web' }],
  updatedAt: 1_700_000_000_000,
};

describe('deploy recipe', () => {
  it('accepts a complete recipe, with or without a bucket', () => {
    expect(DeployRecipeSchema.parse(recipe)).toEqual(recipe);
    expect(DeployRecipeSchema.parse({ ...recipe, s3Bucket: 'my-templates.eu' }).s3Bucket).toBe('my-templates.eu');
  });

  it.each([
    ['a bad stack name', { stackName: '1-stack' }, /stack name is 1–128 letters/],
    ['an empty template path', { templatePath: '' }, /Choose a template file/],
    ['a parameter name with a hyphen', { parameters: [{ key: 'my-env', value: 'x' }] }, /letters and digits/],
    ['a bucket with capitals', { s3Bucket: 'My-Bucket' }, /bucket name is 3–63 lowercase/],
    ['a tag key twice', { tags: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }] }, /only once/],
  ])('refuses %s, saying the rule', (_name, change, message) => {
    const result = DeployRecipeSchema.safeParse({ ...recipe, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(' ')).toMatch(message);
  });
});

describe('bucket names and tags', () => {
  it.each([
    ['my-bucket', true],
    ['a.b.c', true],
    ['ab', false],
    ['-bucket', false],
    ['bucket-', false],
    ['my..bucket', false],
    ['192.168.1.1', false],
    ['b'.repeat(64), false],
  ])('%s is a bucket name: %s', (name, ok) => {
    expect(S3BucketNameSchema.safeParse(name).success).toBe(ok);
  });

  it('takes at most 50 tags', () => {
    const tags = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(StackTagsSchema.safeParse(tags(50)).success).toBe(true);
    expect(StackTagsSchema.safeParse(tags(51)).error?.issues[0]?.message).toBe('A stack takes at most 50 tags');
  });

  it('reads a parameter value or a keep-previous marker, not both shapes mixed up', () => {
    expect(ParameterValueSchema.parse({ key: 'Env', usePreviousValue: true })).toEqual({ key: 'Env', usePreviousValue: true });
    expect(ParameterValueSchema.safeParse({ key: 'Env', usePreviousValue: false }).success).toBe(false);
  });
});

describe('deploy history entry', () => {
  it('records who deployed what, where, and how it ended', () => {
    const run = {
      id: 'run-1',
      profileId: 'acme-prod-0001',
      operation: 'create',
      stackName: 'roledeck-test',
      region: 'eu-west-1',
      accountId: '123456789012',
      identityArn: 'arn:aws:sts::123456789012:assumed-role/Deployer/me',
      status: 'failed',
      startedAt: 1000,
      endedAt: 61_000,
      durationMs: 60_000,
      changeCount: 2,
      failure: 'Bucket (AWS::S3::Bucket) CREATE_FAILED: name taken',
      finalStatus: 'ROLLBACK_COMPLETE',
    };
    expect(DeployRunSchema.parse(run)).toEqual(run);
    expect(DeployRunSchema.safeParse({ ...run, status: 'exploded' }).success).toBe(false);
    expect(DeployRunSchema.safeParse({ ...run, accountId: '1234' }).success).toBe(false);
  });
});
