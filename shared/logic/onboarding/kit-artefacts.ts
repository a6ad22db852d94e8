import { ROLE_INLINE_POLICIES_MAX_CHARS, ROLE_TRUST_POLICY_DEFAULT_MAX_CHARS, USER_INLINE_POLICIES_MAX_CHARS } from '../../domain/iam-policy';
import type { QuickCreateLink } from '../../domain/onboarding-record';
import type { ArtefactId, KitArtefact } from '../../domain/onboarding-view';
import { parseRoleArn } from '../../domain/aws-rules';
import { policyCharacters, policyJson } from '../iam-policy/policy-text';
import { kitGuide, type OnboardingKit } from './onboarding-kit';
import { ourAssumeRolePolicy } from './our-policy';

/**
 * Every file the customer (and our own account) gets for one setup, in one list: the window
 * previews, copies and downloads them, the CLI writes them to `--out`, under the same names, so a
 * customer handed files from either gets the same set.
 */

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'customer'
  );
}

/** What the console needs besides the URL itself; the link's file says until when it works. */
function quickCreateText(link: QuickCreateLink): string {
  return [link.url, '', link.validity, ...(link.warning ? ['', link.warning] : [])].join('\n') + '\n';
}

/** Our policy, narrowed to the customer's account once their role ARN is known. */
export function ourPolicyFor(kit: OnboardingKit, roleArn: string | undefined): { json: string; characters: number; narrowedTo?: string } {
  const account = roleArn ? parseRoleArn(roleArn)?.accountId : undefined;
  if (!account || account === kit.setup.customerAccountId) return { json: kit.ourPolicy.json, characters: kit.ourPolicy.characters, ...(kit.expectedRoleArn ? { narrowedTo: kit.expectedRoleArn } : {}) };
  const document = ourAssumeRolePolicy({ partition: kit.setup.partition, roleName: kit.setup.roleName, customerAccountId: account });
  return { json: policyJson(document), characters: policyCharacters(document), narrowedTo: `arn:${kit.setup.partition}:iam::${account}:role/${kit.setup.roleName}` };
}

export interface ArtefactOptions {
  quickCreate?: QuickCreateLink | undefined;
  /** The role ARN the customer sent back: our policy then names their account. */
  roleArn?: string | undefined;
}

export function kitArtefacts(kit: OnboardingKit, options: ArtefactOptions = {}): KitArtefact[] {
  const { quickCreate } = options;
  const name = slug(kit.setup.customerName);
  const ours = ourPolicyFor(kit, options.roleArn);
  const guide = kitGuide(kit, quickCreate ? { url: quickCreate.url, validUntil: quickCreate.validUntil } : undefined);
  const artefacts: KitArtefact[] = [
    {
      id: 'trust-policy',
      title: 'Trust policy',
      description: 'For the customer: the role’s trust relationship, with the ExternalId (IAM → Roles → Trust relationships).',
      fileName: 'trust-policy.json',
      mediaType: 'application/json',
      language: 'json',
      content: `${kit.trustPolicy.json}\n`,
      size: { characters: kit.trustPolicy.characters, limit: ROLE_TRUST_POLICY_DEFAULT_MAX_CHARS },
    },
  ];
  if (kit.inlinePolicy) {
    artefacts.push({
      id: 'permissions-policy',
      title: 'Permissions policy',
      description: `For the customer: the role’s inline policy “${kit.permissions.inlinePolicy?.name ?? 'roledeck'}” — ${kit.permissions.summary}`,
      fileName: 'permissions-policy.json',
      mediaType: 'application/json',
      language: 'json',
      content: `${kit.inlinePolicy.json}\n`,
      size: { characters: kit.inlinePolicy.characters, limit: ROLE_INLINE_POLICIES_MAX_CHARS },
    });
  }
  if (kit.permissions.managedPolicyArns.length > 0) {
    artefacts.push({
      id: 'managed-policies',
      title: 'Managed policies',
      description: `For the customer: the policies to attach to the role — ${kit.permissions.summary}`,
      fileName: 'managed-policies.txt',
      mediaType: 'text/plain',
      language: 'text',
      content: `${kit.permissions.managedPolicyArns.join('\n')}\n`,
    });
  }
  artefacts.push(
    {
      id: 'template',
      title: 'CloudFormation template',
      description: 'For the customer: creates the role in one step. Run it with the deploy command; the ExternalId is a hidden parameter.',
      fileName: kit.template.fileName,
      mediaType: 'application/yaml',
      language: 'yaml',
      content: kit.template.body,
    },
    {
      id: 'deploy-command',
      title: 'Deploy command',
      description: `For the customer: creates the stack ${kit.stackName} from the template, with the ExternalId filled in.`,
      fileName: 'deploy-command.sh',
      mediaType: 'text/x-shellscript',
      language: 'shell',
      content: `${kit.deployCommand}\n`,
    },
  );
  if (quickCreate) {
    artefacts.push({
      id: 'quick-create-link',
      title: 'Quick-create link',
      description: 'For the customer: opens the CloudFormation console with everything filled in; they review it and choose Create stack.',
      fileName: 'quick-create-link.txt',
      mediaType: 'text/plain',
      language: 'text',
      content: quickCreateText(quickCreate),
    });
  }
  artefacts.push(
    {
      id: 'guide-markdown',
      title: 'Instructions (Markdown)',
      description: 'For the customer: every step, with the values filled in, to send by email or ticket.',
      fileName: `setup-${name}.md`,
      mediaType: 'text/markdown',
      language: 'markdown',
      content: guide.markdown,
    },
    {
      id: 'guide-html',
      title: 'Instructions (printable page)',
      description: 'For the customer: the same instructions as a page to print or attach.',
      fileName: `setup-${name}.html`,
      mediaType: 'text/html',
      language: 'html',
      content: guide.html,
    },
    {
      id: 'our-policy',
      title: 'Our IAM policy',
      description: ours.narrowedTo
        ? `For our account: lets our IAM user assume exactly ${ours.narrowedTo}.`
        : `For our account: lets our IAM user assume a role named ${kit.setup.roleName} in any account; narrowed to the customer’s account once it is known.`,
      fileName: 'our-iam-policy.json',
      mediaType: 'application/json',
      language: 'json',
      content: `${ours.json}\n`,
      size: { characters: ours.characters, limit: USER_INLINE_POLICIES_MAX_CHARS },
    },
  );
  return artefacts;
}

export function findArtefact(artefacts: readonly KitArtefact[], id: ArtefactId): KitArtefact | undefined {
  return artefacts.find((artefact) => artefact.id === id);
}
