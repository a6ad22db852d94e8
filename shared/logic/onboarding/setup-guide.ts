import type { OnboardingSetupInput } from '../../domain/onboarding';
import type { PermissionsPlan } from './permission-purposes';
import { formatUtc } from './quick-create';
import { ROLE_ARN_OUTPUT } from './role-template';
import { principalArn } from './trust-policy';

/**
 * The customer's instructions: the setup walkthrough rewritten for one customer, with every value
 * filled in. Built once as content and rendered twice — Markdown to send, HTML to print — so the two
 * never say different things. Console labels follow the IAM console's current wording.
 */

/** A run of text: plain words, a console label (bold), a value to copy (code), or a link. */
export type GuideText = string | { ui: string } | { value: string } | { link: string; text: string };
export type GuideLine = GuideText[];

export interface GuideStep {
  text: GuideLine;
  code?: { language: 'json' | 'shell'; content: string };
}

export interface GuideSection {
  heading: string;
  intro?: GuideLine;
  steps: GuideStep[];
}

export interface SetupGuide {
  title: string;
  intro: GuideLine[];
  facts: Array<{ label: string; value: GuideLine }>;
  sections: GuideSection[];
}

export interface SetupGuideInput {
  setup: OnboardingSetupInput;
  plan: PermissionsPlan;
  trustPolicyJson: string;
  inlinePolicyJson?: string | undefined;
  templateFileName: string;
  deployCommand: string;
  stackName: string;
  /** A quick-create link (see quickCreateUrl) and when its presigned template URL expires. */
  quickCreate?: { url: string; validUntil: number } | undefined;
}

const ui = (label: string): GuideText => ({ ui: label });
const value = (text: string): GuideText => ({ value: text });

function hours(seconds: number): string {
  const value = seconds / 3600;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} hour${value === 1 ? '' : 's'}`;
}

function whoLine(setup: OnboardingSetupInput): GuideLine {
  const principal = setup.trustedPrincipal;
  return principal.kind === 'account'
    ? ['the AWS account ', value(principal.accountId), ' (only the users and roles that account itself allows)']
    : ['the IAM user ', value(principalArn(setup.partition, principal))];
}

function quickCreateSection(input: SetupGuideInput): GuideSection | null {
  if (!input.quickCreate) return null;
  return {
    heading: 'Option A: one click in the CloudFormation console',
    steps: [
      { text: ['Sign in to the AWS console of the account that should hold the role, as an administrator.'] },
      { text: ['Open ', { link: input.quickCreate.url, text: 'this quick-create link' }, ` (it works until ${formatUtc(input.quickCreate.validUntil)}). Every value is filled in.`] },
      { text: ['Tick ', ui('I acknowledge that AWS CloudFormation might create IAM resources with custom names'), ', then choose ', ui('Create stack'), '.'] },
      { text: ['When the stack shows ', value('CREATE_COMPLETE'), ', open ', ui('Outputs'), ', copy ', ui(ROLE_ARN_OUTPUT), ' and send it to us.'] },
    ],
  };
}

function commandLineSection(input: SetupGuideInput): GuideSection {
  const { setup } = input;
  const readArn =
    `aws cloudformation describe-stacks --region ${setup.region} --stack-name ${input.stackName} ` +
    `--query "Stacks[0].Outputs[?OutputKey=='${ROLE_ARN_OUTPUT}'].OutputValue" --output text`;
  return {
    heading: `${input.quickCreate ? 'Option B' : 'Option A'}: CloudFormation from the command line`,
    steps: [
      { text: ['Save the template that came with these instructions as ', value(input.templateFileName), '.'] },
      { text: ['With administrator credentials for your account, run:'], code: { language: 'shell', content: input.deployCommand } },
      { text: ['Print the new role’s ARN and send it to us:'], code: { language: 'shell', content: readArn } },
    ],
  };
}

function consoleSection(input: SetupGuideInput, heading: string): GuideSection {
  const { setup, plan } = input;
  const trusted = setup.trustedPrincipal;
  const steps: GuideStep[] = [
    { text: ['Open the IAM console, choose ', ui('Roles'), ' in the menu, then ', ui('Create role'), '.'] },
    { text: ['Under ', ui('Trusted entity type'), ' choose ', ui('AWS account'), ', then ', ui('Another AWS account'), ', and enter the account ID ', value(trusted.accountId), '.'] },
    {
      text: [
        'Tick ',
        ui('Require external ID'),
        ' and paste ',
        value(setup.externalId),
        '.',
        ...(setup.requireMfa ? [' Tick ', ui('Require MFA'), '.'] : [' Leave ', ui('Require MFA'), ' unticked.']),
        ' Choose ',
        ui('Next'),
        '.',
      ],
    },
    plan.managedPolicyArns.length > 0
      ? {
          text: [
            'Under ',
            ui('Permissions policies'),
            ', search for and tick ',
            ...plan.managedPolicyArns.flatMap((arn, index) => [index === 0 ? '' : ' and ', value(arn.slice(arn.lastIndexOf('/') + 1))]),
            '. Choose ',
            ui('Next'),
            '.',
          ],
        }
      : { text: ['Add no permissions on this page; choose ', ui('Next'), '.'] },
    { text: ['Enter the role name ', value(setup.roleName), ' exactly, then choose ', ui('Create role'), '.'] },
  ];
  if (plan.inlinePolicy && input.inlinePolicyJson) {
    steps.push({
      text: [
        'Open the new role. Under ',
        ui('Permissions'),
        ' choose ',
        ui('Add permissions'),
        ' → ',
        ui('Create inline policy'),
        ', switch to ',
        ui('JSON'),
        ', replace the text with the policy below, choose ',
        ui('Next'),
        ', name it ',
        value(plan.inlinePolicy.name),
        ' and choose ',
        ui('Create policy'),
        '.',
      ],
      code: { language: 'json', content: input.inlinePolicyJson },
    });
  }
  steps.push(
    {
      text: [
        'Open the ',
        ui('Trust relationships'),
        ' tab, choose ',
        ui('Edit trust policy'),
        ', replace the text with the policy below and choose ',
        ui('Update policy'),
        '. It lets in only ',
        ...whoLine(setup),
        ', only with the ExternalId',
        setup.requireMfa ? ', and only after MFA sign-in.' : '.',
      ],
      code: { language: 'json', content: input.trustPolicyJson },
    },
    setup.maxSessionDurationSeconds === 3600
      ? { text: ['Leave ', ui('Maximum session duration'), ' at 1 hour.'] }
      : { text: ['On the role’s ', ui('Summary'), ' choose ', ui('Edit'), ', set ', ui('Maximum session duration'), ` to ${hours(setup.maxSessionDurationSeconds)} and choose `, ui('Save changes'), '.'] },
    { text: ['Copy the role’s ', ui('ARN'), ' from its summary and send it to us.'] },
  );
  return { heading, steps };
}

export function buildSetupGuide(input: SetupGuideInput): SetupGuide {
  const { setup, plan } = input;
  const quick = quickCreateSection(input);
  const sections = [quick, commandLineSection(input)].filter((section): section is GuideSection => section !== null);
  const consoleHeading = `Option ${quick ? 'C' : 'B'}: step by step in the IAM console`;
  const account = setup.customerAccountId;
  const expectedArn = `arn:${setup.partition}:iam::${account ?? '<your account ID>'}:role/${setup.roleName}`;
  return {
    title: `AWS access setup for ${setup.customerName}`,
    intro: [
      ['These steps create the IAM role ', value(setup.roleName), ' in your AWS account', ...(account ? [' ', value(account)] : []), '. It lets in ', ...whoLine(setup), '.'],
      [
        'Every caller must send the ExternalId below, which keeps anyone else who knows the role’s name from using it on your behalf (the “confused deputy” problem).',
        setup.requireMfa ? ' They must also have signed in with MFA.' : '',
        ' You can end the access at any time by deleting the role.',
      ],
      ['Choose one of the options below; each gives the same result.'],
    ],
    facts: [
      { label: 'Role name', value: [value(setup.roleName)] },
      { label: 'Trusted', value: whoLine(setup) },
      { label: 'ExternalId', value: [value(setup.externalId)] },
      { label: 'MFA required', value: [setup.requireMfa ? 'yes' : 'no'] },
      { label: 'Maximum session duration', value: [hours(setup.maxSessionDurationSeconds)] },
      { label: 'Permissions', value: [`${plan.title}: ${plan.summary}`] },
      ...plan.notes.map((note) => ({ label: 'Note', value: [note] })),
    ],
    sections: [
      ...sections,
      consoleSection(input, consoleHeading),
      {
        heading: 'What to send back',
        intro: ['The role ARN, which looks like ', value(expectedArn), '. Your 12-digit account ID alone is enough too.'],
        steps: [],
      },
    ],
  };
}
