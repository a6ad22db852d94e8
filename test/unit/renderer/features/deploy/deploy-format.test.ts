import { describe, expect, it } from 'vitest';
import { eventTone, identityName, stackNameFromFile } from '../../../../../renderer/src/features/deploy/deploy-format';

describe('deploy words', () => {
  it.each([
    ['CREATE_COMPLETE', 'ok'],
    ['DELETE_SKIPPED', 'ok'],
    ['UPDATE_IN_PROGRESS', 'progress'],
    ['CREATE_FAILED', 'danger'],
    ['UPDATE_ROLLBACK_COMPLETE', 'danger'],
    ['REVIEW_IN_PROGRESS', 'progress'],
  ])('%s reads as %s', (status, tone) => expect(eventTone(status)).toBe(tone));

  it('suggests a stack name from the file name that CloudFormation accepts', () => {
    expect(stackNameFromFile('queue-test.yaml')).toBe('queue-test');
    expect(stackNameFromFile('1 my_stack.template.json')).toBe('my-stack-template');
  });

  it('shows the assumed role and session of an identity, the account being on screen already', () => {
    expect(identityName('arn:aws:sts::123456789012:assumed-role/Deployer/roledeck-consultant')).toBe('assumed-role/Deployer/roledeck-consultant');
    expect(identityName('not an arn')).toBe('not an arn');
  });
});
