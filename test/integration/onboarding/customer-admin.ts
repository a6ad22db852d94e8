/**
 * The customer's admin, played against moto: runs what Roledeck handed over — the deploy command
 * with the template, or the quick-create link — the way `aws cloudformation deploy` and the
 * CloudFormation console would. Shared by the integration and browser tiers (no test runner's API here).
 */
import {
  CloudFormationClient,
  CreateChangeSetCommand,
  CreateStackCommand,
  DescribeChangeSetCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  type Stack,
} from '@aws-sdk/client-cloudformation';

// moto accepts any signature while IAM enforcement is off; the customer's admin deploys with these.
const ADMIN = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** The value after `--flag` in the deploy command: the test deploys what the customer would run. */
function commandValue(command: string, flag: string): string {
  const match = new RegExp(`${flag} (\\S+)`).exec(command);
  if (!match) throw new Error(`${flag} not in ${command}`);
  return match[1]!;
}

async function waitForStack(cloudFormation: CloudFormationClient, stackName: string): Promise<Stack> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName }));
    const stack = Stacks?.[0];
    if (stack?.StackStatus?.endsWith('_COMPLETE') || stack?.StackStatus?.endsWith('_FAILED')) return stack;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`stack ${stackName} did not finish in 10 s`);
}

/** What `aws cloudformation deploy` does with the deploy command's flags: a change set with the capability and the parameter, then execute it. */
export async function deployLikeTheCommand(templateBody: string, deployCommand: string): Promise<Stack> {
  const cloudFormation = new CloudFormationClient({ region: commandValue(deployCommand, '--region'), credentials: ADMIN });
  try {
    const stackName = commandValue(deployCommand, '--stack-name');
    const [key, value] = commandValue(deployCommand, '--parameter-overrides').split('=');
    const { Id } = await cloudFormation.send(
      new CreateChangeSetCommand({
        StackName: stackName,
        ChangeSetName: 'roledeck-onboarding',
        ChangeSetType: 'CREATE',
        TemplateBody: templateBody,
        Capabilities: [commandValue(deployCommand, '--capabilities') as 'CAPABILITY_NAMED_IAM'],
        Parameters: [{ ParameterKey: key, ParameterValue: value }],
      }),
    );
    const changeSet = await cloudFormation.send(new DescribeChangeSetCommand({ ChangeSetName: Id }));
    if (changeSet.Status !== 'CREATE_COMPLETE') throw new Error(`the change set is ${changeSet.Status}: ${changeSet.StatusReason ?? ''}`);
    await cloudFormation.send(new ExecuteChangeSetCommand({ ChangeSetName: Id }));
    return await waitForStack(cloudFormation, stackName);
  } finally {
    cloudFormation.destroy();
  }
}

/** What the console's Create stack does for a quick-create link: the template, the stack name and the parameters it carries. */
export async function createStackLikeTheLink(input: { region: string; stackName: string; templateBody: string; externalId: string }): Promise<Stack> {
  const cloudFormation = new CloudFormationClient({ region: input.region, credentials: ADMIN });
  try {
    await cloudFormation.send(
      new CreateStackCommand({
        StackName: input.stackName,
        TemplateBody: input.templateBody,
        Capabilities: ['CAPABILITY_NAMED_IAM'],
        Parameters: [{ ParameterKey: 'ExternalId', ParameterValue: input.externalId }],
      }),
    );
    return await waitForStack(cloudFormation, input.stackName);
  } finally {
    cloudFormation.destroy();
  }
}

/** What a quick-create link carries: the console region, the template URL, the stack name and `param_` values. */
export function readQuickCreateLink(link: string): { region: string; templateUrl: string; stackName: string; parameters: Record<string, string> } {
  const url = new URL(link);
  const query = new URLSearchParams(url.hash.slice(url.hash.indexOf('?') + 1));
  const parameters = Object.fromEntries([...query.entries()].filter(([name]) => name.startsWith('param_')).map(([name, value]) => [name.slice('param_'.length), value]));
  return { region: url.searchParams.get('region') ?? '', templateUrl: query.get('templateURL') ?? '', stackName: query.get('stackName') ?? '', parameters };
}
