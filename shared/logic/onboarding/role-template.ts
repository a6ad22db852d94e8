import type { JsonObject, JsonValue } from '../../domain/iam-policy';
import { STRONG_EXTERNAL_ID_MIN_LENGTH, type OnboardingSetupInput } from '../../domain/onboarding';
import { toYaml } from '../yaml-text';
import type { PermissionsPlan } from './permission-purposes';
import { trustPolicyWith } from './trust-policy';

/**
 * The CloudFormation template that creates the customer's role in one step — trust policy,
 * permissions and maximum session duration — and the `aws cloudformation deploy` command that runs
 * it. The ExternalId is a parameter, not part of the template, so one template file serves any
 * value and the value never sits in the stored template.
 *
 * NoEcho hides the value in the console and in DescribeStacks, but CloudFormation's quick-create
 * links ignore `param_<Name>` for NoEcho parameters ("Creating quick-create links for stacks"):
 * the template behind a quick-create link is built with `externalIdParameter: 'visible'` so the
 * link can fill the ExternalId in. An ExternalId prevents the confused-deputy problem; it is not a
 * password, so showing it to the customer's admin who creates the stack costs nothing.
 */

export const ROLE_LOGICAL_ID = 'CrossAccountRole';
export const EXTERNAL_ID_PARAMETER = 'ExternalId';
export const ROLE_ARN_OUTPUT = 'RoleArn';

export interface RoleTemplateOptions {
  externalIdParameter: 'no-echo' | 'visible';
  format: 'yaml' | 'json';
}

export interface RoleTemplate {
  template: JsonObject;
  /** The template as a file's content. */
  body: string;
  fileName: string;
  format: RoleTemplateOptions['format'];
  stackName: string;
}

/** `roledeck-<role name>`: role names may hold + = , . @ _, which stack names may not. */
export function defaultStackName(roleName: string): string {
  return `roledeck-${roleName.replace(/[^A-Za-z0-9-]/g, '-')}`.slice(0, 128);
}

export function stackNameOf(setup: Pick<OnboardingSetupInput, 'stackName' | 'roleName'>): string {
  return setup.stackName ?? defaultStackName(setup.roleName);
}

/** IAM role descriptions take tab, line breaks, printable ASCII and U+00A1–U+00FF (IAM CreateRole). */
function roleDescription(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\u007e\u00a1-\u00ff]/g, '?').slice(0, 1000);
}

/** Within CloudFormation's 1,024 bytes: an 80-character name and a 64-character role name leave room. */
function templateDescription(setup: OnboardingSetupInput, plan: PermissionsPlan): string {
  return `Roledeck setup for ${setup.customerName}: the role ${setup.roleName}, assumable only with the ExternalId. Permissions: ${plan.title}.`;
}

export function roleTemplateObject(setup: OnboardingSetupInput, plan: PermissionsPlan, options: Pick<RoleTemplateOptions, 'externalIdParameter'>): JsonObject {
  const properties: JsonObject = {
    RoleName: setup.roleName,
    Description: roleDescription(`${plan.title} for Roledeck, set up for ${setup.customerName}`),
    MaxSessionDuration: setup.maxSessionDurationSeconds,
    AssumeRolePolicyDocument: trustPolicyWith(setup, { Ref: EXTERNAL_ID_PARAMETER }),
  };
  if (plan.managedPolicyArns.length > 0) properties.ManagedPolicyArns = [...plan.managedPolicyArns];
  if (plan.inlinePolicy) {
    // A PolicyDocument is plain JSON data; the round trip drops the static type, not anything inside.
    const document = JSON.parse(JSON.stringify(plan.inlinePolicy.document)) as JsonValue;
    properties.Policies = [{ PolicyName: plan.inlinePolicy.name, PolicyDocument: document }];
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: templateDescription(setup, plan),
    Parameters: {
      [EXTERNAL_ID_PARAMETER]: {
        Type: 'String',
        Description: 'The ExternalId Roledeck generated for you: the role accepts only callers that send it.',
        MinLength: STRONG_EXTERNAL_ID_MIN_LENGTH,
        MaxLength: 1224,
        AllowedPattern: '[\\w+=,.@:/-]+',
        ConstraintDescription: 'Letters, digits and + = , . @ : / _ - only, at least 32 characters: paste it exactly as sent.',
        ...(options.externalIdParameter === 'no-echo' ? { NoEcho: true } : {}),
      },
    },
    Resources: { [ROLE_LOGICAL_ID]: { Type: 'AWS::IAM::Role', Properties: properties } },
    Outputs: {
      [ROLE_ARN_OUTPUT]: {
        Description: 'Send this role ARN back to whoever gave you this template.',
        Value: { 'Fn::GetAtt': [ROLE_LOGICAL_ID, 'Arn'] },
      },
    },
  };
}

export function roleTemplate(setup: OnboardingSetupInput, plan: PermissionsPlan, options: RoleTemplateOptions): RoleTemplate {
  const template = roleTemplateObject(setup, plan, options);
  const stackName = stackNameOf(setup);
  return {
    template,
    body: options.format === 'yaml' ? toYaml(template) : `${JSON.stringify(template, null, 2)}\n`,
    fileName: `${stackName}.${options.format === 'yaml' ? 'yaml' : 'json'}`,
    format: options.format,
    stackName,
  };
}

/** A command-line word: bare when every shell reads it literally, else in single quotes (bash, zsh, fish, PowerShell). */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'"'"'`)}'`;
}

/**
 * `aws cloudformation deploy` needs CAPABILITY_NAMED_IAM because the template names its IAM role
 * (CloudFormation "Acknowledging IAM resources"). One line, so it pastes into any shell.
 */
export function deployCommand(setup: Pick<OnboardingSetupInput, 'region' | 'externalId' | 'stackName' | 'roleName'>, fileName: string): string {
  return [
    'aws cloudformation deploy',
    `--region ${shellWord(setup.region)}`,
    `--stack-name ${shellWord(stackNameOf(setup))}`,
    `--template-file ${shellWord(fileName)}`,
    '--capabilities CAPABILITY_NAMED_IAM',
    `--parameter-overrides ${shellWord(`${EXTERNAL_ID_PARAMETER}=${setup.externalId}`)}`,
  ].join(' ');
}
