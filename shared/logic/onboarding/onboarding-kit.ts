import type { PolicyDocument } from '../../domain/iam-policy';
import { OnboardingSetupInputSchema, type OnboardingSetupInput, type SetupIssue } from '../../domain/onboarding';
import { policyCharacters, policyJson } from '../iam-policy/policy-text';
import { checkRoleNameAllowed } from '../role-allow-list';
import { ourAssumeRolePolicy } from './our-policy';
import { permissionsPlan, type PermissionsPlan } from './permission-purposes';
import { quickCreateUrl, type QuickCreateResult } from './quick-create';
import { deployCommand, EXTERNAL_ID_PARAMETER, roleTemplate, stackNameOf, type RoleTemplate } from './role-template';
import { buildSetupGuide, type SetupGuide } from './setup-guide';
import { setupGuideHtml, setupGuideMarkdown } from './setup-guide-render';
import { principalArn, trustPolicyDocument } from './trust-policy';
import { setupIssuesOf } from './setup-issues';

/**
 * Everything the customer gets for one setup, and what our side needs, built from one checked
 * input. The service later stores it, offers each text to copy or download, uploads the
 * quick-create template and presigns it.
 */

export interface PolicyText {
  document: PolicyDocument;
  /** Two-space indented JSON, to copy or download. */
  json: string;
  /** Characters IAM counts (white space not counted). */
  characters: number;
}

export interface OnboardingKit {
  setup: OnboardingSetupInput;
  stackName: string;
  /** The principal the trust policy names. */
  principalArn: string;
  trustPolicy: PolicyText;
  permissions: PermissionsPlan;
  /** The inline permissions policy as text, when the plan has one. */
  inlinePolicy?: PolicyText;
  /** ExternalId as a NoEcho parameter: the file to download and run with `deployCommand`. */
  template: RoleTemplate;
  /** ExternalId visible, because quick-create links cannot fill NoEcho parameters: upload this one for the link. */
  quickCreateTemplate: RoleTemplate;
  deployCommand: string;
  /** What our IAM user needs: sts:AssumeRole on the role (in any account until the customer's is known). */
  ourPolicy: PolicyText;
  /** Set when the customer's account is known in advance. */
  expectedRoleArn?: string;
}

export type OnboardingKitResult = { ok: true; kit: OnboardingKit } | { ok: false; issues: SetupIssue[] };

function text(document: PolicyDocument): PolicyText {
  return { document, json: policyJson(document), characters: policyCharacters(document) };
}

/**
 * Checks a setup: AWS's rules (zod), this installation's role allow-list, and the custom policy's
 * grammar and size. The generated trust policy needs no size check: with the longest ExternalId
 * (1,224), user path (512) and user name (64) it has 2,032 characters, within IAM's 2,048.
 */
export function checkOnboardingSetup(input: unknown, allowList: readonly string[]): { ok: true; setup: OnboardingSetupInput; plan: PermissionsPlan } | { ok: false; issues: SetupIssue[] } {
  const parsed = OnboardingSetupInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: setupIssuesOf(parsed.error.issues) };
  }
  const setup = parsed.data;
  const issues: SetupIssue[] = [];
  const allowed = checkRoleNameAllowed(setup.roleName, allowList);
  if (!allowed.ok) issues.push({ path: 'roleName', message: allowed.message });
  const plan = permissionsPlan(setup.permissions, setup.partition, setup.customerAccountId);
  if (!plan.ok) {
    for (const issue of plan.issues) {
      if (issue.severity === 'error') issues.push({ path: issue.path === 'managedPolicyArns' ? 'permissions.managedPolicyArns' : 'permissions.policyJson', message: issue.message });
    }
  }
  if (issues.length > 0 || !plan.ok) return { ok: false, issues };
  return { ok: true, setup, plan: plan.plan };
}

export function buildOnboardingKit(input: unknown, allowList: readonly string[]): OnboardingKitResult {
  const checked = checkOnboardingSetup(input, allowList);
  if (!checked.ok) return checked;
  const { setup, plan } = checked;
  const template = roleTemplate(setup, plan, { externalIdParameter: 'no-echo', format: 'yaml' });
  const quickCreateTemplate = roleTemplate(setup, plan, { externalIdParameter: 'visible', format: 'yaml' });
  const kit: OnboardingKit = {
    setup,
    stackName: stackNameOf(setup),
    principalArn: principalArn(setup.partition, setup.trustedPrincipal),
    trustPolicy: text(trustPolicyDocument(setup)),
    permissions: plan,
    ...(plan.inlinePolicy ? { inlinePolicy: text(plan.inlinePolicy.document) } : {}),
    template,
    quickCreateTemplate: { ...quickCreateTemplate, fileName: quickCreateTemplate.fileName.replace(/\.yaml$/, '-quick-create.yaml') },
    deployCommand: deployCommand(setup, template.fileName),
    ourPolicy: text(ourAssumeRolePolicy({ partition: setup.partition, roleName: setup.roleName, customerAccountId: setup.customerAccountId })),
    ...(setup.customerAccountId ? { expectedRoleArn: `arn:${setup.partition}:iam::${setup.customerAccountId}:role/${setup.roleName}` } : {}),
  };
  return { ok: true, kit };
}

/** The console link that creates the stack from the uploaded quick-create template, ExternalId filled in. */
export function kitQuickCreateUrl(kit: OnboardingKit, templateUrl: string, options: { allowTemplateOutsideS3?: boolean } = {}): QuickCreateResult {
  return quickCreateUrl({
    ...(options.allowTemplateOutsideS3 ? { allowTemplateOutsideS3: true } : {}),
    partition: kit.setup.partition,
    region: kit.setup.region,
    templateUrl,
    stackName: kit.stackName,
    parameters: { [EXTERNAL_ID_PARAMETER]: kit.setup.externalId },
  });
}

export interface KitGuide {
  guide: SetupGuide;
  markdown: string;
  html: string;
}

/** The customer's instructions, with the quick-create link once the service has one. */
export function kitGuide(kit: OnboardingKit, quickCreate?: { url: string; validUntil: number }): KitGuide {
  const guide = buildSetupGuide({
    setup: kit.setup,
    plan: kit.permissions,
    trustPolicyJson: kit.trustPolicy.json,
    inlinePolicyJson: kit.inlinePolicy?.json,
    templateFileName: kit.template.fileName,
    deployCommand: kit.deployCommand,
    stackName: kit.stackName,
    quickCreate,
  });
  return { guide, markdown: setupGuideMarkdown(guide), html: setupGuideHtml(guide) };
}
