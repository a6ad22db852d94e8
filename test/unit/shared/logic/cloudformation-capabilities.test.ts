import { describe, expect, it } from 'vitest';
import {
  capabilitiesFromError,
  capabilitiesToPass,
  capabilityNeeds,
  type CapabilityResource,
} from '../../../../shared/logic/cloudformation-capabilities';

const resource = (logicalId: string, type: string, properties: Record<string, unknown> = {}): CapabilityResource => ({
  logicalId,
  type,
  properties,
});

const passed = (resources: CapabilityResource[], transforms: string[] = []) =>
  capabilitiesToPass(capabilityNeeds(resources, transforms));

describe('capabilities a template needs', () => {
  it.each([
    ['no IAM resources', [resource('B', 'AWS::S3::Bucket')], []],
    ['an unnamed role', [resource('R', 'AWS::IAM::Role')], ['CAPABILITY_IAM']],
    ['an inline policy (PolicyName is not a resource name)', [resource('P', 'AWS::IAM::Policy', { PolicyName: 'p' })], ['CAPABILITY_IAM']],
    ['an access key for a named user (UserName refers to the user)', [resource('K', 'AWS::IAM::AccessKey', { UserName: 'bob' })], ['CAPABILITY_IAM']],
    ['a role with a RoleName', [resource('R', 'AWS::IAM::Role', { RoleName: 'deployer' })], ['CAPABILITY_NAMED_IAM']],
    ['a user with a UserName', [resource('U', 'AWS::IAM::User', { UserName: 'bob' })], ['CAPABILITY_NAMED_IAM']],
    ['a group with a GroupName', [resource('G', 'AWS::IAM::Group', { GroupName: 'ops' })], ['CAPABILITY_NAMED_IAM']],
    ['a managed policy with a ManagedPolicyName', [resource('M', 'AWS::IAM::ManagedPolicy', { ManagedPolicyName: 'm' })], ['CAPABILITY_NAMED_IAM']],
    ['an instance profile with an InstanceProfileName', [resource('I', 'AWS::IAM::InstanceProfile', { InstanceProfileName: 'i' })], ['CAPABILITY_NAMED_IAM']],
    ['a name that may be set (!If)', [resource('R', 'AWS::IAM::Role', { RoleName: { 'Fn::If': ['C', 'a', { Ref: 'AWS::NoValue' }] } })], ['CAPABILITY_NAMED_IAM']],
    ['a name removed with AWS::NoValue', [resource('R', 'AWS::IAM::Role', { RoleName: { Ref: 'AWS::NoValue' } })], ['CAPABILITY_IAM']],
    ['a SAM function without a Role (SAM generates one)', [resource('F', 'AWS::Serverless::Function')], ['CAPABILITY_IAM']],
    ['a SAM function with its own Role', [resource('F', 'AWS::Serverless::Function', { Role: 'arn:aws:iam::1:role/r' })], []],
    ['a SAM connector (it writes policies)', [resource('C', 'AWS::Serverless::Connector')], ['CAPABILITY_IAM']],
    ['a nested stack alone', [resource('N', 'AWS::CloudFormation::Stack')], []],
  ])('%s', (_name, resources, expected) => {
    expect(passed(resources)).toEqual(expected);
  });

  it('asks for CAPABILITY_AUTO_EXPAND for any transform, alongside IAM', () => {
    expect(passed([resource('R', 'AWS::IAM::Role', { RoleName: 'r' })], ['AWS::Include'])).toEqual([
      'CAPABILITY_NAMED_IAM',
      'CAPABILITY_AUTO_EXPAND',
    ]);
  });

  it('says which resources need which capability, named ones apart from the others', () => {
    const needs = capabilityNeeds(
      [resource('Role', 'AWS::IAM::Role', { RoleName: 'r' }), resource('Policy', 'AWS::IAM::Policy'), resource('Bucket', 'AWS::S3::Bucket')],
      [],
    );
    expect(needs).toEqual([
      { capability: 'CAPABILITY_NAMED_IAM', reason: 'creates IAM resources with names you chose: Role', because: ['Role'] },
      { capability: 'CAPABILITY_IAM', reason: 'creates or changes IAM permissions: Policy', because: ['Policy'] },
    ]);
  });

  it('reads what an InsufficientCapabilities error asks for (how nested stacks say what they need)', () => {
    expect(capabilitiesFromError('Requires capabilities : [CAPABILITY_NAMED_IAM]')).toEqual(['CAPABILITY_NAMED_IAM']);
    expect(capabilitiesFromError('Requires capabilities : [CAPABILITY_IAM, CAPABILITY_AUTO_EXPAND]')).toEqual([
      'CAPABILITY_IAM',
      'CAPABILITY_AUTO_EXPAND',
    ]);
    expect(capabilitiesFromError('Stack with id x does not exist')).toEqual([]);
  });
});
