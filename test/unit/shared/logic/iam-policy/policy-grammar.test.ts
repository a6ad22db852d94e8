import { describe, expect, it } from 'vitest';
import type { PolicyKind } from '../../../../../shared/domain/iam-policy';
import { checkConditionOperator } from '../../../../../shared/logic/iam-policy/condition-operators';
import { arnProblem, checkPolicyGrammar } from '../../../../../shared/logic/iam-policy/policy-grammar';

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' };
const identity = (...statements: unknown[]) => ({ Version: '2012-10-17', Statement: statements });
const trustStatement = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:user/consultant' }, Action: 'sts:AssumeRole' };

function errors(document: unknown, kind: PolicyKind = 'identity') {
  return checkPolicyGrammar(document, kind).filter((issue) => issue.severity === 'error');
}

describe('policies IAM accepts', () => {
  it.each([
    { name: 'one statement as an object', document: { Version: '2012-10-17', Statement: allow } },
    { name: 'the older version', document: { Version: '2008-10-17', Statement: [allow] } },
    { name: 'NotAction and NotResource', document: identity({ Effect: 'Deny', NotAction: ['iam:*', 'organizations:*'], NotResource: '*' }) },
    { name: 'wildcards in actions', document: identity({ ...allow, Action: ['s3:Get*', 'ec2:Describe?nstances', '*'] }) },
    { name: 'policy variables in a resource', document: identity({ ...allow, Resource: 'arn:aws:s3:::bucket/${aws:username}/*' }) },
    { name: 'an AWS managed policy ARN', document: identity({ ...allow, Action: 'iam:GetPolicy', Resource: 'arn:aws:iam::aws:policy/SecurityAudit' }) },
    {
      name: 'set operators and IfExists',
      document: identity({
        ...allow,
        Condition: {
          'ForAnyValue:StringLike': { 'aws:TagKeys': ['team*'] },
          StringEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' },
          'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] },
          NumericLessThan: { 'aws:MultiFactorAuthAge': 3600 },
          Bool: { 'aws:SecureTransport': true },
          Null: { 'aws:TokenIssueTime': 'false' },
        },
      }),
    },
  ])('$name', ({ document }) => {
    expect(checkPolicyGrammar(document, 'identity')).toEqual([]);
  });

  it('a trust policy with a principal and no resource', () => {
    expect(checkPolicyGrammar(identity(trustStatement), 'trust')).toEqual([]);
    expect(checkPolicyGrammar(identity({ ...trustStatement, Principal: { AWS: ['111111111111', 'arn:aws:iam::222222222222:root'] } }), 'trust')).toEqual([]);
  });
});

describe('grammar breaks name the statement and the field', () => {
  it.each([
    { name: 'not an object', document: [], message: /A policy is a JSON object/ },
    { name: 'an unknown top-level element, with the case hint', document: { Version: '2012-10-17', statement: [allow] }, message: /no top-level element "statement" \(did you mean "Statement"\?/ },
    { name: 'an unknown version', document: { Version: '2012-10-18', Statement: [allow] }, message: /Version "2012-10-18" is not one IAM knows/ },
    { name: 'no statement', document: { Version: '2012-10-17' }, message: /has no Statement/ },
    { name: 'an empty statement list', document: identity(), message: /at least one statement/ },
    { name: 'a statement that is not an object', document: identity(allow, 'Allow'), message: /^Statement 2 is not an object/ },
    { name: 'an unknown statement element', document: identity({ ...allow, Actions: 's3:*' }), message: /^Statement 1, Actions: a statement has no element "Actions"/ },
    { name: 'a Sid with spaces', document: identity({ ...allow, Sid: 'Read logs' }), message: /^Statement 1 \(Sid "Read logs"\), Sid: .* only ASCII letters and digits/ },
    { name: 'the same Sid twice', document: identity({ ...allow, Sid: 'Read' }, { ...allow, Sid: 'Read' }), message: /^Statement 2 \(Sid "Read"\), Sid: Statement 1 has the same Sid/ },
    { name: 'no Effect', document: identity({ Action: 's3:*', Resource: '*' }), message: /^Statement 1, Effect: every statement needs "Effect"/ },
    { name: 'Effect in lower case', document: identity({ ...allow, Effect: 'allow' }), message: /"allow" is not "Allow" or "Deny" \(the case matters\)/ },
    { name: 'Action and NotAction', document: identity({ ...allow, NotAction: 's3:PutObject' }), message: /Action: a statement has Action or NotAction, not both/ },
    { name: 'no Action', document: identity({ Effect: 'Allow', Resource: '*' }), message: /Action: every statement needs Action \(or NotAction\)/ },
    { name: 'an action without a service', document: identity({ ...allow, Sid: 'ReadLogs', Action: ['s3:GetObject', 'GetObject'] }), message: /^Statement 1 \(Sid "ReadLogs"\), Action: "GetObject" is not an action: write service:Action/ },
    { name: 'an empty action list', document: identity({ ...allow, Action: [] }), message: /Action: the list is empty/ },
    { name: 'an action that is not a string', document: identity({ ...allow, Action: [42] }), message: /Action: 42 is not a string/ },
    { name: 'a Principal in a permissions policy', document: identity({ ...allow, Principal: '*' }), message: /Principal: a permissions policy attached to a role names no principal/ },
    { name: 'no Resource', document: identity({ Effect: 'Allow', Action: 's3:*' }), message: /Resource: every statement needs Resource \(or NotResource\)/ },
    { name: 'a resource that is not an ARN', document: identity({ ...allow, Resource: 'my-bucket' }), message: /Resource: "my-bucket" is not an ARN/ },
    { name: 'an ARN with an 11-digit account', document: identity({ ...allow, Resource: 'arn:aws:iam::12345678901:role/x' }), message: /"12345678901" with 11 digits; an account ID has 12/ },
    { name: 'an ARN with an unknown partition', document: identity({ ...allow, Resource: 'arn:amazon:s3:::bucket' }), message: /partition "amazon"/ },
    { name: 'an unknown condition operator', document: identity({ ...allow, Condition: { StringEqual: { 'aws:username': 'x' } } }), message: /Condition: "StringEqual" is not an IAM condition operator \(did you mean StringEquals\?\)/ },
    { name: 'a condition operator in the wrong case', document: identity({ ...allow, Condition: { stringequals: { 'aws:username': 'x' } } }), message: /did you mean StringEquals\? operators are case-sensitive/ },
    { name: 'NullIfExists', document: identity({ ...allow, Condition: { NullIfExists: { 'aws:username': 'true' } } }), message: /Null already tests whether the key exists/ },
    { name: 'a condition without keys', document: identity({ ...allow, Condition: { StringEquals: 'x' } }), message: /StringEquals needs an object of condition keys/ },
    { name: 'a condition value that is an object', document: identity({ ...allow, Condition: { StringEquals: { 'aws:username': { a: 1 } } } }), message: /a condition value is a string, number or boolean/ },
  ])('$name', ({ document, message }) => {
    const found = errors(document).map((issue) => issue.message);
    expect(found.some((text) => message.test(text)), found.join(' | ')).toBe(true);
  });

  it('keeps the statement and field as data for the form', () => {
    const [issue] = errors(identity(allow, { ...allow, Sid: 'Write', Action: 's3 PutObject' }));
    expect(issue).toMatchObject({ statementIndex: 1, sid: 'Write', field: 'Action', path: 'Statement[1].Action' });
  });

  it.each([
    { name: 'no principal', document: identity({ Effect: 'Allow', Action: 'sts:AssumeRole' }), message: /Principal: every statement needs Principal/ },
    { name: 'a Resource', document: identity({ ...trustStatement, Resource: '*' }), message: /Resource: a trust policy takes no Resource/ },
    { name: 'an unknown principal type', document: identity({ ...trustStatement, Principal: { User: 'x' } }), message: /"User" is not a principal type/ },
    { name: 'a principal that is no account or ARN', document: identity({ ...trustStatement, Principal: { AWS: 'consultant' } }), message: /"consultant" is not an AWS principal/ },
  ])('trust policy: $name', ({ document, message }) => {
    const found = errors(document, 'trust').map((issue) => issue.message);
    expect(found.some((text) => message.test(text)), found.join(' | ')).toBe(true);
  });

  it('warns, without refusing, about a missing Version and a trust policy open to everyone', () => {
    expect(checkPolicyGrammar({ Statement: [allow] }, 'identity')).toEqual([expect.objectContaining({ severity: 'warning', field: 'Version' })]);
    expect(checkPolicyGrammar(identity({ ...trustStatement, Principal: '*' }), 'trust')).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/lets any AWS account assume the role/) }),
    ]);
  });
});

describe('condition operators and ARNs on their own', () => {
  it.each(['StringEquals', 'ForAnyValue:StringLike', 'ForAllValues:ArnLikeIfExists', 'DateGreaterThanIfExists', 'Null', 'BinaryEquals', 'IpAddress'])('%s is an operator', (operator) => {
    expect(checkConditionOperator(operator)).toEqual({ ok: true });
  });

  it.each(['IfExists', 'ForAnyValue:', 'StringEqualsIgnorecase', 'ForSomeValues:StringEquals', 'NullIfExists'])('%s is not', (operator) => {
    expect(checkConditionOperator(operator).ok).toBe(false);
  });

  it.each([
    ['*', null],
    ['arn:aws:s3:::bucket', null],
    ['arn:aws-cn:iam::123456789012:role/x', null],
    ['arn:*:ec2:*:*:instance/*', null],
    ['arn:aws:s3:::', /ends without a resource/],
    ['arn:aws::us-east-1:123456789012:x', /names no service/],
    ['arn:aws:ec2:EU-WEST-1:123456789012:instance/i-1', /not a region code/],
    ['arn:aws:ec2:eu-west-1:acct:instance/i-1', /not an account ID/],
  ] as const)('%s', (arn, problem) => {
    const found = arnProblem(arn);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
