import { RoledeckError } from '../contract/errors';
import { parseRoleArn, type Partition } from '../domain/aws-rules';
import type { Profile } from '../domain/profile';
import { chainOf } from './profile-chain';

/**
 * Where CloudFront's API is called for a profile. CloudFront is global, but each partition signs
 * its API in one region: us-east-1 in `aws` (CloudFront API reference, "Endpoints":
 * cloudfront.amazonaws.com, SigV4 scope us-east-1) and cn-northwest-1 in `aws-cn`
 * (cloudfront.cn-northwest-1.amazonaws.com.cn, Amazon Web Services in China, "Amazon CloudFront").
 * AWS GovCloud (US) has no CloudFront (GovCloud User Guide, "Amazon CloudFront").
 */
const API_REGION: Record<Partition, string | undefined> = {
  aws: 'us-east-1',
  'aws-cn': 'cn-northwest-1',
  'aws-us-gov': undefined,
};

const ARN_PARTITION = /^arn:(aws|aws-cn|aws-us-gov):/;

function partitionOfRegion(region: string | undefined): Partition | undefined {
  if (region === undefined) return undefined;
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return undefined;
}

/**
 * The partition a profile's session lives in: the role ARN nearest the profile says it outright;
 * an IAM user's MFA device ARN does too; else a China or GovCloud region in the chain; else `aws`.
 */
export function partitionOfProfile(profiles: readonly Profile[], profile: Profile): Partition {
  const chain = chainOf(profiles, profile).reverse();
  for (const entry of chain) {
    if (entry.kind === 'role') {
      const arn = parseRoleArn(entry.roleArn);
      if (arn) return arn.partition;
    }
  }
  for (const entry of chain) {
    const fromDevice = entry.mfaSerial ? ARN_PARTITION.exec(entry.mfaSerial)?.[1] : undefined;
    if (fromDevice) return fromDevice as Partition;
  }
  for (const entry of chain) {
    const fromRegion = partitionOfRegion(entry.region);
    if (fromRegion) return fromRegion;
  }
  return 'aws';
}

/** The region CloudFront's API is signed in for this partition; GovCloud has no CloudFront. */
export function cloudfrontApiRegion(partition: Partition): string {
  const region = API_REGION[partition];
  if (region === undefined) {
    throw new RoledeckError('VALIDATION', 'CloudFront is not offered in AWS GovCloud (US). Upload the key with a profile of a commercial or China account.');
  }
  return region;
}
