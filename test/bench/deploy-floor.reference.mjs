// Reference for the deploy benchmark: the least a Node program can do to deploy a template with the
// AWS SDK. It makes the AWS CLI's own calls (DescribeStacks, CreateChangeSet, DescribeChangeSet,
// ExecuteChangeSet, DescribeStacks until the stack settles) and nothing else: no keychain, no
// profile store, no template checks, no guardrails, no events, no audit log. What Roledeck's deploy
// adds to this is its own cost; what this takes is Node's start, the SDK's load and the server.
//
// `node deploy-floor.reference.mjs <stack> <template> <Key=Value>`, with the session in AWS_* and
// the server in AWS_ENDPOINT_URL. Node's compile cache is on (ROLEDECK_BENCH_COMPILE_CACHE), as it
// is for the CLI. Prints "<STATUS>: <stack>" when the stack settles; exits 1 unless it succeeded.
import { enableCompileCache } from 'node:module';
import { readFileSync } from 'node:fs';

if (process.env.ROLEDECK_BENCH_COMPILE_CACHE) enableCompileCache(process.env.ROLEDECK_BENCH_COMPILE_CACHE);
const [stackName, templateFile, parameter] = process.argv.slice(2);
const [key, value] = parameter.split('=');
const sdk = await import('@aws-sdk/client-cloudformation');
const client = new sdk.CloudFormationClient({ region: process.env.AWS_DEFAULT_REGION ?? 'us-east-1' });
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const exists = await client.send(new sdk.DescribeStacksCommand({ StackName: stackName })).then(
  (found) => found.Stacks?.[0]?.StackStatus !== 'REVIEW_IN_PROGRESS',
  () => false,
);
const created = await client.send(
  new sdk.CreateChangeSetCommand({
    StackName: stackName,
    ChangeSetName: `floor-${Date.now()}`,
    ChangeSetType: exists ? 'UPDATE' : 'CREATE',
    TemplateBody: readFileSync(templateFile, 'utf8'),
    Parameters: [{ ParameterKey: key, ParameterValue: value }],
  }),
);
for (;;) {
  const changeSet = await client.send(new sdk.DescribeChangeSetCommand({ ChangeSetName: created.Id }));
  if (changeSet.Status === 'CREATE_COMPLETE') break;
  if (changeSet.Status === 'FAILED') throw new Error(changeSet.StatusReason);
  await pause(250);
}
await client.send(new sdk.ExecuteChangeSetCommand({ ChangeSetName: created.Id }));
for (;;) {
  const status = (await client.send(new sdk.DescribeStacksCommand({ StackName: created.StackId }))).Stacks?.[0]?.StackStatus ?? 'UNKNOWN';
  if (!status.endsWith('_IN_PROGRESS')) {
    console.log(`${status}: ${stackName}`);
    process.exitCode = status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE' ? 0 : 1;
    break;
  }
  await pause(250);
}
