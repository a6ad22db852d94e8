import { describe, expect, it } from 'vitest';
import type { QuickCreateLink } from '../../../../../shared/domain/onboarding-record';
import { kitArtefacts, ourPolicyFor } from '../../../../../shared/logic/onboarding/kit-artefacts';
import { buildOnboardingKit, type OnboardingKit } from '../../../../../shared/logic/onboarding/onboarding-kit';
import { CUSTOMER_ACCOUNT, setupInput } from './setup-fixture';

function kit(overrides: Parameters<typeof setupInput>[0] = {}): OnboardingKit {
  const built = buildOnboardingKit(setupInput(overrides), []);
  if (!built.ok) throw new Error(JSON.stringify(built.issues));
  return built.kit;
}

const LINK: QuickCreateLink = {
  url: 'https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/quickcreate?templateURL=x&stackName=roledeck-RoledeckAccess',
  bucket: 'our-onboarding',
  key: 'roledeck-onboarding/a/roledeck-RoledeckAccess-quick-create.yaml',
  validUntil: Date.UTC(2026, 11, 9, 12, 0),
  limitedBy: 'requested',
  validity: 'The link works until 2026-12-09 12:00 UTC.',
  createdAt: Date.UTC(2026, 11, 2, 12, 0),
};

describe('the artefacts handed to the customer', () => {
  it('for read-only audit: the managed policies to attach instead of an inline policy, each file named for download', () => {
    const artefacts = kitArtefacts(kit());
    expect(artefacts.map((artefact) => [artefact.id, artefact.fileName, artefact.language])).toEqual([
      ['trust-policy', 'trust-policy.json', 'json'],
      ['managed-policies', 'managed-policies.txt', 'text'],
      ['template', 'roledeck-RoledeckAccess.yaml', 'yaml'],
      ['deploy-command', 'deploy-command.sh', 'shell'],
      ['guide-markdown', 'setup-acme-ltd.md', 'markdown'],
      ['guide-html', 'setup-acme-ltd.html', 'html'],
      ['our-policy', 'our-iam-policy.json', 'json'],
    ]);
    expect(artefacts.find((artefact) => artefact.id === 'managed-policies')?.content).toBe('arn:aws:iam::aws:policy/SecurityAudit\narn:aws:iam::aws:policy/job-function/ViewOnlyAccess\n');
    expect(artefacts.find((artefact) => artefact.id === 'trust-policy')?.size).toEqual({ characters: expect.any(Number), limit: 2048 });
  });

  it('adds the quick-create link with until when it works and any warning, and names it in the instructions', () => {
    const artefacts = kitArtefacts(kit(), { quickCreate: { ...LINK, warning: 'The template is at 127.0.0.1:4566, not Amazon S3.' } });
    expect(artefacts.find((artefact) => artefact.id === 'quick-create-link')?.content).toBe(`${LINK.url}\n\nThe link works until 2026-12-09 12:00 UTC.\n\nThe template is at 127.0.0.1:4566, not Amazon S3.\n`);
    expect(artefacts.find((artefact) => artefact.id === 'guide-markdown')?.content).toContain('(it works until 2026-12-09 12:00 UTC)');
  });

  it('narrows our policy to the account the customer’s role is in, once their role ARN is known', () => {
    const before = ourPolicyFor(kit(), undefined);
    const after = ourPolicyFor(kit(), `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`);
    expect(JSON.parse(before.json).Statement[0].Resource).toBe('arn:aws:iam::*:role/RoledeckAccess');
    expect(before.narrowedTo).toBeUndefined();
    expect(JSON.parse(after.json).Statement[0].Resource).toBe(`arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`);
    expect(after.narrowedTo).toBe(`arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`);
    expect(kitArtefacts(kit(), { roleArn: `arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess` }).at(-1)?.description).toContain(`assume exactly arn:aws:iam::${CUSTOMER_ACCOUNT}:role/RoledeckAccess`);
  });
});
