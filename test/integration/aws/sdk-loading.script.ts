/**
 * Child process for sdk-loading.test.ts: records every @aws-sdk module Node resolves while the
 * gateways are imported and built, then while one call is made. Prints one JSON line.
 */
import { registerHooks } from 'node:module';

const resolved: string[] = [];
registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('@aws-sdk/')) resolved.push(specifier);
    return nextResolve(specifier, context);
  },
});

const [{ SdkStsGateway }, { SdkCloudFormationGateway }, { SdkCloudFrontGateway }, { SdkS3Gateway }, { SdkIamGateway }] = await Promise.all([
  import('../../../electron/node/aws/sts.gateway'),
  import('../../../electron/node/aws/cloudformation.gateway'),
  import('../../../electron/node/aws/cloudfront.gateway'),
  import('../../../electron/node/aws/s3.gateway'),
  import('../../../electron/node/aws/iam.gateway'),
]);
const once = { maxAttempts: 1 };
const gateways = [new SdkStsGateway(once), new SdkCloudFormationGateway(once), new SdkCloudFrontGateway(once), new SdkS3Gateway(once), new SdkIamGateway(once)];
const afterBuild = [...resolved];

const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40) };
const failure = await new SdkCloudFormationGateway(once).describeStack(credentials, 'eu-west-1', 'any').catch((error: unknown) => error);
for (const gateway of gateways) gateway.destroy();

process.stdout.write(`${JSON.stringify({ afterBuild, afterCall: resolved, failure: String(failure) })}\n`);
