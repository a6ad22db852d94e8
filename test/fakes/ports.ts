import type { Ports } from '../../electron/node/app/composition';
import type { AwsIniProfiles } from '../../shared/logic/aws-config-import';
import type { CloudFormationGateway } from '../../shared/ports/cloudformation-gateway';
import type { CloudFrontGateway } from '../../shared/ports/cloudfront-gateway';
import type { IamGateway } from '../../shared/ports/iam-gateway';
import type { S3Gateway } from '../../shared/ports/s3-gateway';
import type { StsGateway } from '../../shared/ports/sts-gateway';
import { FakeScheduler } from './fake.scheduler';
import { MemoryDocumentStore } from './memory.document-store';
import { MemorySecretStore } from './memory.secret-store';
import { recordingLogger } from './recording.logger';
import { RecordingUrlOpener } from './recording.url-opener';
import { ScriptedFederationGateway } from './scripted.federation-gateway';

export const unusedSts: StsGateway = {
  getCallerIdentity: () => Promise.reject(new Error('STS is not used by this test')),
  assumeRole: () => Promise.reject(new Error('STS is not used by this test')),
  getSessionToken: () => Promise.reject(new Error('STS is not used by this test')),
};

const notUsed = (service: string) => () => Promise.reject(new Error(`${service} is not used by this test`));

export const unusedS3: S3Gateway = {
  ensureBucket: notUsed('S3'),
  putObject: notUsed('S3'),
  headObject: notUsed('S3'),
  presignGetUrl: notUsed('S3'),
  objectUrl: (region, bucket, key) => `https://${bucket}.s3.${region}.amazonaws.com/${key}`,
};

export const unusedCloudFormation: CloudFormationGateway = {
  describeStack: notUsed('CloudFormation'),
  createChangeSet: notUsed('CloudFormation'),
  describeChangeSet: notUsed('CloudFormation'),
  waitForChangeSet: notUsed('CloudFormation'),
  executeChangeSet: notUsed('CloudFormation'),
  deleteChangeSet: notUsed('CloudFormation'),
  deleteStack: notUsed('CloudFormation'),
  describeStackEvents: notUsed('CloudFormation'),
  listStackResources: notUsed('CloudFormation'),
  validateTemplate: notUsed('CloudFormation'),
};

export const unusedCloudFront: CloudFrontGateway = {
  createPublicKey: notUsed('CloudFront'),
  listPublicKeys: notUsed('CloudFront'),
  getPublicKey: notUsed('CloudFront'),
  createKeyGroup: notUsed('CloudFront'),
  listKeyGroups: notUsed('CloudFront'),
  getKeyGroup: notUsed('CloudFront'),
  updateKeyGroup: notUsed('CloudFront'),
  listDistributions: notUsed('CloudFront'),
};

export const unusedIam: IamGateway = {
  simulatePrincipalPolicy: notUsed('IAM'),
  getUser: notUsed('IAM'),
  getRole: notUsed('IAM'),
};

/** A clock a test moves by hand. */
export class FakeClock {
  constructor(public time = Date.UTC(2026, 10, 28, 9, 0, 0)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/** Ports for unit tests: in-memory keychain and store, no AWS, a fixed clock and hand-driven timers, ~/.aws given inline. */
export function fakePorts(overrides: Partial<Ports> & { awsProfiles?: AwsIniProfiles } = {}) {
  const { logger, lines } = recordingLogger();
  const secrets = new MemorySecretStore();
  const store = new MemoryDocumentStore();
  const clock = new FakeClock();
  const scheduler = new FakeScheduler(clock);
  const { awsProfiles, ...rest } = overrides;
  const ports: Ports = {
    secrets,
    store,
    sts: unusedSts,
    cloudformation: unusedCloudFormation,
    cloudfront: unusedCloudFront,
    s3: unusedS3,
    iam: unusedIam,
    awsFiles: { read: async () => ({ profiles: awsProfiles ?? {}, files: { config: '/home/test/.aws/config', credentials: '/home/test/.aws/credentials' } }) },
    clock,
    scheduler,
    logger,
    runtime: { name: 'Roledeck', version: '1.2.3', platform: 'linux', runtime: { kind: 'node', version: '24.0.0' } },
    // Never a real browser or network from a unit test.
    urlOpener: new RecordingUrlOpener(),
    federation: new ScriptedFederationGateway(),
    ...rest,
  };
  return { ports, secrets, store, clock, scheduler, lines };
}
