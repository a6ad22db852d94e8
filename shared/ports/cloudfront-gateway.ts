import type { AwsCredentials } from '../domain/aws';
import type { CloudFrontDistribution, CloudFrontKeyGroup, CloudFrontPublicKey } from '../domain/cloudfront';

/** A key group with the ETag CloudFront requires to update it (If-Match). */
export interface VersionedKeyGroup {
  keyGroup: CloudFrontKeyGroup;
  etag: string;
}

export interface CreatePublicKeyInput {
  /** 1–128 characters: letters, digits, '-' and '_'. */
  name: string;
  /** The public key as PEM (-----BEGIN PUBLIC KEY-----). */
  pem: string;
  comment?: string;
  /** Makes a retried call idempotent; a fresh random one when absent. */
  callerReference?: string;
}

export interface KeyGroupInput {
  name: string;
  /** Public key IDs; CloudFront allows up to 5 per key group. */
  publicKeyIds: readonly string[];
  comment?: string;
}

/**
 * Amazon CloudFront's signing setup, signed with the credentials passed in. CloudFront is a
 * global service: any region of the partition works (us-east-1 is where AWS signs it). Failures
 * are AwsCallError; a stale ETag on update is awsCode PreconditionFailed (read it again, retry).
 */
export interface CloudFrontGateway {
  /** Uploads a public key; the returned `id` is the Key-Pair-Id signed URLs carry. */
  createPublicKey(credentials: AwsCredentials, region: string, input: CreatePublicKeyInput): Promise<CloudFrontPublicKey>;
  listPublicKeys(credentials: AwsCredentials, region: string): Promise<CloudFrontPublicKey[]>;
  /** Null when there is no public key with this ID. */
  getPublicKey(credentials: AwsCredentials, region: string, id: string): Promise<CloudFrontPublicKey | null>;
  createKeyGroup(credentials: AwsCredentials, region: string, input: KeyGroupInput): Promise<VersionedKeyGroup>;
  listKeyGroups(credentials: AwsCredentials, region: string): Promise<CloudFrontKeyGroup[]>;
  /** Null when there is no key group with this ID. */
  getKeyGroup(credentials: AwsCredentials, region: string, id: string): Promise<VersionedKeyGroup | null>;
  /** Replaces the whole key group (name, keys, comment); `etag` from getKeyGroup or the last update. */
  updateKeyGroup(credentials: AwsCredentials, region: string, input: KeyGroupInput & { id: string; etag: string }): Promise<VersionedKeyGroup>;
  /** Every distribution, with the key groups each cache behaviour trusts. */
  listDistributions(credentials: AwsCredentials, region: string): Promise<CloudFrontDistribution[]>;
}
