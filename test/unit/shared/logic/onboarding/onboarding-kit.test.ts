import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { OnboardingSetupInput } from '../../../../../shared/domain/onboarding';
import { checkPolicyGrammar } from '../../../../../shared/logic/iam-policy/policy-grammar';
import { buildOnboardingKit, checkOnboardingSetup, kitGuide, kitQuickCreateUrl, type OnboardingKit } from '../../../../../shared/logic/onboarding/onboarding-kit';
import { CUSTOMER_ACCOUNT, EXTERNAL_ID, setupInput } from './setup-fixture';

function kit(input: unknown = setupInput(), allowList: readonly string[] = []): OnboardingKit {
  const result = buildOnboardingKit(input, allowList);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.kit;
}

function issues(input: unknown, allowList: readonly string[] = []) {
  const result = checkOnboardingSetup(input, allowList);
  return result.ok ? [] : result.issues;
}

describe('setup input', () => {
  it.each([
    { name: 'a role name outside the allow-list', input: setupInput(), allowList: ['ExampleRoleName'], path: 'roleName', message: /The role "RoledeckAccess" is not allowed: this installation accepts only roles named "ExampleRoleName"/ },
    { name: 'a role name differing in case from the allow-list', input: setupInput({ roleName: 'exampleRoleName' }), allowList: ['ExampleRoleName'], path: 'roleName', message: /case-sensitive/ },
    { name: 'a role name with a space', input: setupInput({ roleName: 'Roledeck Access' }), allowList: [], path: 'roleName', message: /^A space is not allowed \(letters, digits and \+ = , \. @ _ - only\)$/ },
    { name: 'a role name over 64 characters', input: setupInput({ roleName: 'R'.repeat(65) }), allowList: [], path: 'roleName', message: /^The role name has 65 characters; AWS allows at most 64$/ },
    { name: 'a short ExternalId', input: setupInput({ externalId: 'test-id' }), allowList: [], path: 'externalId', message: /at least 32 characters/ },
    { name: 'an ExternalId with a space', input: setupInput({ externalId: `${EXTERNAL_ID} x` }), allowList: [], path: 'externalId', message: /^A space is not allowed \(letters, digits and \+ = , \. @ : \/ _ - only\)$/ },
    { name: 'an 11-digit account in the principal', input: setupInput({ trustedPrincipal: { kind: 'account', accountId: '11111111111' } }), allowList: [], path: 'trustedPrincipal.accountId', message: /^The account ID has 11 digits; it needs 12$/ },
    { name: 'a session under an hour', input: setupInput({ maxSessionDurationSeconds: 900 }), allowList: [], path: 'maxSessionDurationSeconds', message: /at least 3,600 seconds/ },
    { name: 'a session over 12 hours', input: setupInput({ maxSessionDurationSeconds: 43_201 }), allowList: [], path: 'maxSessionDurationSeconds', message: /at most 43,200 seconds/ },
    { name: 'a stack name with an underscore', input: setupInput({ stackName: 'acme_role' }), allowList: [], path: 'stackName', message: /letters, digits and hyphens/ },
    { name: 'a customer name on two lines', input: setupInput({ customerName: 'Acme\nLtd' }), allowList: [], path: 'customerName', message: /one line/ },
    { name: 'custom permissions with nothing in them', input: setupInput({ permissions: { purpose: 'custom', policyJson: '  ' } }), allowList: [], path: 'permissions.policyJson', message: /Paste a policy/ },
    {
      name: 'custom JSON with a syntax error',
      input: setupInput({ permissions: { purpose: 'custom', policyJson: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" "Action": "s3:*", "Resource": "*"}\n  ]\n}' } }),
      allowList: [],
      path: 'permissions.policyJson',
      message: /not valid JSON at line 4, column 24/,
    },
    {
      name: 'custom JSON that breaks the grammar',
      input: setupInput({ permissions: { purpose: 'custom', policyJson: '{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:*"}]}' } }),
      allowList: [],
      path: 'permissions.policyJson',
      message: /^Statement 1 \(Sid "A"\), Resource: every statement needs Resource/,
    },
  ])('refuses $name, naming the field', ({ input, allowList, path, message }) => {
    const found = issues(input, allowList);
    expect(found.some((issue) => issue.path === path && message.test(issue.message)), JSON.stringify(found)).toBe(true);
  });

  it('the largest trust policy a setup can produce still fits IAM’s default 2,048 characters', () => {
    const longest = setupInput({
      requireMfa: true,
      externalId: 'x'.repeat(1224),
      trustedPrincipal: { kind: 'user', accountId: '111111111111', userName: 'u'.repeat(64), path: `/${'p'.repeat(510)}/` },
    });
    const built = kit(longest);
    expect(built.trustPolicy.characters).toBe(2032);
    expect(built.trustPolicy.characters).toBeLessThanOrEqual(2048);
  });

  it('accepts a role the allow-list names, by pattern too', () => {
    expect(issues(setupInput(), ['Roledeck*'])).toEqual([]);
  });

  it('refuses unknown fields, so a typo does not silently drop a setting', () => {
    expect(issues({ ...setupInput(), requireMFA: true })[0]?.message).toMatch(/requireMFA|Unrecognized/);
  });
});

describe('the kit', () => {
  it('holds every text the customer needs, each valid for IAM', () => {
    const built = kit(setupInput({ requireMfa: true, permissions: { purpose: 'cloudfront-key-management' } }));
    expect(checkPolicyGrammar(JSON.parse(built.trustPolicy.json), 'trust')).toEqual([]);
    expect(checkPolicyGrammar(JSON.parse(built.inlinePolicy!.json), 'identity')).toEqual([]);
    expect(checkPolicyGrammar(JSON.parse(built.ourPolicy.json), 'identity')).toEqual([]);
    expect(built.trustPolicy.characters).toBe(JSON.stringify(JSON.parse(built.trustPolicy.json)).length);
    expect(parse(built.template.body)).toEqual(built.template.template);
    expect(built.deployCommand).toContain(`ExternalId=${EXTERNAL_ID}`);
    expect(built.deployCommand).toContain(`--template-file ${built.template.fileName}`);
    expect(built.quickCreateTemplate.fileName).toBe('roledeck-RoledeckAccess-quick-create.yaml');
    expect(built.principalArn).toBe('arn:aws:iam::111111111111:user/consultant');
    expect(built.expectedRoleArn).toBeUndefined();
  });

  it('names the customer’s role exactly when the account is known in advance', () => {
    const built = kit(setupInput({ customerAccountId: CUSTOMER_ACCOUNT }));
    expect(built.expectedRoleArn).toBe('arn:aws:iam::222222222222:role/RoledeckAccess');
    expect(built.ourPolicy.document.Statement[0]?.Resource).toBe('arn:aws:iam::222222222222:role/RoledeckAccess');
  });

  it('builds the quick-create link for the visible-ExternalId template', () => {
    const result = kitQuickCreateUrl(kit(), 'https://b.s3.eu-west-1.amazonaws.com/roledeck-RoledeckAccess-quick-create.yaml');
    expect(result.ok && result.url).toMatch(new RegExp(`stackName=roledeck-RoledeckAccess&param_ExternalId=${EXTERNAL_ID}$`));
  });
});

describe('any valid setup', () => {
  const nameCharacters = 'abcXYZ019_+=,.@-';
  const setups: fc.Arbitrary<OnboardingSetupInput> = fc.record({
    customerName: fc.string({ minLength: 1, maxLength: 80 }).filter((name) => name.trim().length > 0 && ![...name].some((character) => character < ' ' || character === '\u007f')),
    partition: fc.constantFrom('aws' as const, 'aws-cn' as const, 'aws-us-gov' as const),
    region: fc.constantFrom('eu-west-1', 'us-east-1', 'cn-north-1'),
    roleName: fc.string({ unit: fc.constantFrom(...nameCharacters), minLength: 1, maxLength: 64 }),
    externalId: fc.string({ unit: fc.constantFrom(...'aZ09_+=,.@:/-'), minLength: 32, maxLength: 1224 }),
    requireMfa: fc.boolean(),
    trustedPrincipal: fc.oneof(
      fc.record({ kind: fc.constant('account' as const), accountId: fc.stringMatching(/^\d{12}$/) }),
      fc.record({ kind: fc.constant('user' as const), accountId: fc.stringMatching(/^\d{12}$/), userName: fc.string({ unit: fc.constantFrom(...nameCharacters), minLength: 1, maxLength: 64 }) }),
    ),
    maxSessionDurationSeconds: fc.integer({ min: 3600, max: 43_200 }),
    permissions: fc.oneof(
      fc.constant({ purpose: 'read-only-audit' as const }),
      fc.constant({ purpose: 'cloudfront-key-management' as const }),
      fc.record({
        purpose: fc.constant('cloudformation-test-deploy' as const),
        stackNamePrefix: fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/),
        services: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{2,12}$/), { maxLength: 20 }),
        allowStackRoles: fc.boolean(),
      }),
    ),
  });

  it('gives policies that pass IAM’s grammar, and a template whose YAML holds exactly those policies', () => {
    fc.assert(
      fc.property(setups, (setup) => {
        const built = kit(setup);
        expect(checkPolicyGrammar(JSON.parse(built.trustPolicy.json), 'trust')).toEqual([]);
        expect(checkPolicyGrammar(JSON.parse(built.ourPolicy.json), 'identity')).toEqual([]);
        if (built.inlinePolicy) expect(checkPolicyGrammar(JSON.parse(built.inlinePolicy.json), 'identity')).toEqual([]);
        expect(built.trustPolicy.characters).toBeLessThanOrEqual(2048);
        expect(built.inlinePolicy?.characters ?? 0).toBeLessThanOrEqual(10_240);

        const template = parse(built.template.body, { version: '1.1' }) as { Resources: { CrossAccountRole: { Properties: Record<string, unknown> } } };
        expect(template).toEqual(built.template.template);
        const properties = template.Resources.CrossAccountRole.Properties;
        expect(JSON.stringify(properties['AssumeRolePolicyDocument']).replace('{"Ref":"ExternalId"}', JSON.stringify(setup.externalId))).toBe(JSON.stringify(built.trustPolicy.document));
        expect(properties['RoleName']).toBe(setup.roleName);
        expect(properties['MaxSessionDuration']).toBe(setup.maxSessionDurationSeconds);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the customer’s instructions', () => {
  const quickCreate = { url: 'https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/quickcreate?templateURL=x&stackName=s', validUntil: Date.UTC(2026, 2, 8, 12) };

  it('fill in every value, and offer the console and CloudFormation paths', () => {
    const built = kit(setupInput({ requireMfa: true, maxSessionDurationSeconds: 14_400, permissions: { purpose: 'cloudformation-test-deploy', stackNamePrefix: 'rd-test-', services: ['s3'], allowStackRoles: false } }));
    const { markdown } = kitGuide(built);
    expect(markdown).toMatch(/^# AWS access setup for Acme Ltd\n/);
    for (const value of ['`RoledeckAccess`', `\`${EXTERNAL_ID}\``, '`111111111111`', '`arn:aws:iam::111111111111:user/consultant`', built.deployCommand, '`roledeck-cloudformation-test-deploys`', '4 hours']) {
      expect(markdown).toContain(value);
    }
    expect(markdown).toContain('## Option A: CloudFormation from the command line');
    expect(markdown).toContain('## Option B: step by step in the IAM console');
    expect(markdown).toContain('Tick **Require MFA**');
    expect(markdown).toContain('```json\n   {\n     "Version": "2012-10-17"');
    expect(markdown).not.toContain('quick-create');
    // The policies in the guide are the kit's, byte for byte.
    expect(markdown).toContain(built.trustPolicy.json.split('\n').map((line) => `   ${line}`.trimEnd()).join('\n'));
  });

  it('put the quick-create link first when there is one, with its expiry in UTC', () => {
    const { markdown, guide } = kitGuide(kit(), quickCreate);
    expect(guide.sections.map((section) => section.heading)).toEqual([
      'Option A: one click in the CloudFormation console',
      'Option B: CloudFormation from the command line',
      'Option C: step by step in the IAM console',
      'What to send back',
    ]);
    expect(markdown).toContain(`[this quick-create link](<${quickCreate.url}>) (it works until 2026-03-08 12:00 UTC)`);
  });

  it('audit: tick the AWS managed policies in the console; no inline step', () => {
    const { markdown } = kitGuide(kit());
    expect(markdown).toContain('search for and tick `SecurityAudit` and `ViewOnlyAccess`');
    expect(markdown).not.toContain('Create inline policy');
    expect(markdown).toContain('Leave **Require MFA** unticked');
    expect(markdown).toContain('Leave **Maximum session duration** at 1 hour');
  });

  it('escape the customer’s name in Markdown and HTML', () => {
    const built = kit(setupInput({ customerName: '<script>alert(1)</script> *Acme* & [Co](x)' }));
    const { markdown, html } = kitGuide(built, { ...quickCreate, url: `${quickCreate.url}"><img src=x onerror=alert(1)>` });
    expect(markdown).toContain('# AWS access setup for \\<script\\>alert(1)\\</script\\> \\*Acme\\* \\& \\[Co\\](x)');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; *Acme* &#38; [Co](x)');
    expect(html).toContain('href="https://eu-west-1.console.aws.amazon.com/cloudformation/home?region=eu-west-1#/stacks/quickcreate?templateURL=x&#38;stackName=s&#34;&#62;&#60;img');
  });

  it('render a whole printable HTML page that loads and runs nothing', () => {
    const { html } = kitGuide(kit(setupInput({ permissions: { purpose: 'cloudfront-key-management' } })));
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toContain('@media print');
    expect(html).toContain('<code class="language-json">{\n  &#34;Version&#34;: &#34;2012-10-17&#34;');
    expect(html.match(/<li>/g)?.length).toBe(12);
    expect(html).not.toMatch(/<script|src=|url\(/i);
  });

  it('escape a link that is not https as text, in HTML', () => {
    const { html } = kitGuide(kit(), { url: 'javascript:alert(1)', validUntil: 0 });
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('this quick-create link');
  });
});
