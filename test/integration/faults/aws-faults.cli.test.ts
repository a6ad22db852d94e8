import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt, runCli } from '../fixtures/cli';
import { useFaultProxy } from '../fixtures/fault-proxy';
import { createRole, createUserWithKey, trustPolicyFor } from '../fixtures/iam';
import { requireKeyringSession } from '../fixtures/keyring';
import { useMoto } from '../fixtures/moto';

const ASSUME_ANY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] };
const TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Queue:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: faults-queue
`;

let home: string;

describe('roledeck under AWS faults (built CLI, fault proxy in front of moto, real keychain)', () => {
  beforeAll(async () => {
    requireKeyringSession();
    await ensureCliBuilt();
  });
  useMoto();
  const proxy = useFaultProxy();
  const env = () => ({ ROLEDECK_HOME: home, AWS_ENDPOINT_URL: proxy.current.endpoint, ROLEDECK_NO_AGENT: '1' });
  const callsTo = (action: string) => proxy.current.log.filter((entry) => entry.action === action);

  beforeEach(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'roledeck-faults-cli-'));
    const user = await createUserWithKey('consultant', ASSUME_ANY);
    const roleArn = await createRole('Deployer', trustPolicyFor(user.arn));
    const added = await runCli(['profile', 'add-user', 'consultant', '--access-key-id', user.credentials.accessKeyId], { env: env(), input: `${user.credentials.secretAccessKey}\n` });
    expect(added.code).toBe(0);
    const role = await runCli(['profile', 'add-role', 'acme-test', '--source', 'consultant', '--role-arn', roleArn, '--region', 'eu-west-1'], { env: env() });
    expect(role.code).toBe(0);
  });

  it('STS failing with 503 on every try: whoami exits 5 within seconds, naming the AWS error, with nothing on stdout', async () => {
    proxy.current.inject({ service: 'sts', times: 100, fault: { kind: 'server-error', status: 503 } });
    const started = Date.now();

    const whoami = await runCli(['whoami', 'acme-test'], { env: env() });

    expect(whoami.code).toBe(5);
    expect(whoami.stdout).toBe('');
    expect(whoami.stderr).toMatch(/ServiceUnavailable/);
    expect(Date.now() - started).toBeLessThan(15_000);
    // STS is tried at most twice per call: an AssumeRole may carry a one-time MFA code.
    expect(callsTo('AssumeRole').length).toBeLessThanOrEqual(2);
  });

  it('STS throttling once: whoami retries on its own and prints the identity', async () => {
    proxy.current.inject({ service: 'sts', action: 'AssumeRole', times: 1, fault: { kind: 'throttle' } });

    const whoami = await runCli(['whoami', 'acme-test'], { env: env() });

    expect(whoami.code).toBe(0);
    expect(whoami.stdout).toContain('assumed-role/Deployer/');
    expect(callsTo('AssumeRole').map((entry) => entry.fault)).toEqual(['throttle', undefined]);
  });

  it('a deploy whose event polls are throttled past the SDK’s retries and answered 500 mid-run still shows each event once and finishes', async () => {
    const template = path.join(home, 'queue.yaml');
    writeFileSync(template, TEMPLATE);
    proxy.current.holdStacks(4_000);
    // After the first two polls: four throttles in a row (beyond the SDK's three attempts, so the
    // watcher's own backoff takes over), then two 500s the SDK retries.
    proxy.current.inject({ service: 'cloudformation', action: 'DescribeStackEvents', after: 2, times: 4, fault: { kind: 'throttle' } });
    proxy.current.inject({ service: 'cloudformation', action: 'DescribeStackEvents', times: 2, fault: { kind: 'server-error' } });

    const deployed = await runCli(['deploy', 'acme-test', template, '--stack-name', 'faults-stack', '--yes'], { env: env() });

    expect(deployed.stderr).toBe('');
    expect(deployed.code).toBe(0);
    const eventLines = deployed.stdout.split('\n').filter((line) => /AWS::\w+::\w+\s+[A-Z_]+_(IN_PROGRESS|COMPLETE|FAILED)/.test(line));
    expect(eventLines.length).toBeGreaterThanOrEqual(2);
    expect(new Set(eventLines).size).toBe(eventLines.length);
    expect(eventLines.filter((line) => /faults-stack\s+AWS::CloudFormation::Stack\s+CREATE_COMPLETE/.test(line))).toHaveLength(1);
    // The stack was held in progress for 4 s, and the backoff added more: a minute is the bound.
    expect(deployed.stdout).toMatch(/CREATE_COMPLETE: faults-stack in 0:(0[4-9]|[1-5]\d)/);
    expect(callsTo('DescribeStackEvents').filter((entry) => entry.fault !== undefined).map((entry) => entry.fault)).toEqual(['throttle', 'throttle', 'throttle', 'throttle', 'server-error', 'server-error']);
  });
});
