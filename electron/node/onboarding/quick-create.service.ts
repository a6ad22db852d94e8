import { RoledeckError } from '../../../shared/contract/errors';
import { S3BucketNameSchema } from '../../../shared/domain/deploy';
import type { QuickCreateLink } from '../../../shared/domain/onboarding-record';
import { kitQuickCreateUrl } from '../../../shared/logic/onboarding/onboarding-kit';
import { describePresignLifetime, isAmazonS3Url, SIGV4_PRESIGN_MAX_SECONDS } from '../../../shared/logic/onboarding/quick-create';
import { requireProfile } from '../../../shared/logic/profile-lookup';
import type { S3Gateway } from '../../../shared/ports/s3-gateway';
import type { OnboardingWorld } from './onboarding-world';

/**
 * The one-click setup SaaS vendors give their customers: the role's template in an S3 bucket of
 * ours, behind a presigned URL, and the CloudFormation console's quick-create link that opens it
 * with the stack name and the ExternalId filled in.
 *
 * The quick-create template (ExternalId visible, since the console ignores NoEcho parameters in a
 * link) is uploaded with our profile's session. The URL is presigned with the IAM user's own keys
 * when our profile is one: a URL signed with a session dies with the session (at most 12–36 h)
 * and carries its token, which takes it past CloudFormation's 1,024-character TemplateURL limit.
 */
export class QuickCreateService {
  constructor(
    private readonly world: OnboardingWorld,
    private readonly s3: S3Gateway,
  ) {}

  async create(customerRef: string, options: { bucket: string; expiresInSeconds?: number | undefined }): Promise<QuickCreateLink> {
    const bucket = S3BucketNameSchema.safeParse(options.bucket);
    if (!bucket.success) throw new RoledeckError('VALIDATION', bucket.error.issues[0]?.message ?? 'That is not an S3 bucket name.');
    const state = await this.world.withSetup(customerRef);
    const kit = this.world.kit(state);
    const source = requireProfile(state.snapshot.profiles, state.record.sourceProfileId);
    // CloudFormation reads the template from the stack's region; keep the bucket there too.
    const region = kit.setup.region;
    const key = `roledeck-onboarding/${state.customer.id.slice(0, 12)}/${kit.quickCreateTemplate.fileName}`;

    const session = await this.world.ports.sessions.credentials(source.id);
    await this.s3.ensureBucket(session, region, bucket.data);
    await this.s3.putObject(session, region, { bucket: bucket.data, key, body: kit.quickCreateTemplate.body, contentType: 'application/yaml' });
    const signing = source.kind === 'iam-user' ? await this.world.quietCredentials(source) : session;
    const presigned = await this.s3.presignGetUrl(signing, region, { bucket: bucket.data, key, expiresInSeconds: options.expiresInSeconds ?? SIGV4_PRESIGN_MAX_SECONDS });

    // With AWS_ENDPOINT_URL pointing S3 elsewhere (a local emulator), the link is built but says plainly that AWS cannot use it.
    const outsideS3 = !isAmazonS3Url(presigned.url);
    const link = kitQuickCreateUrl(kit, presigned.url, { allowTemplateOutsideS3: outsideS3 });
    if (!link.ok) throw new RoledeckError('VALIDATION', link.message);
    const now = this.world.ports.clock.now();
    const validity = describePresignLifetime({
      expiresInSeconds: Math.max(0, Math.round((presigned.expiresAt - now) / 1000)),
      validUntil: presigned.expiresAt,
      limitedBy: presigned.limitedBy === 'session-expiry' ? 'credentials' : presigned.limitedBy,
    });
    const quickCreate: QuickCreateLink = {
      url: link.url,
      bucket: bucket.data,
      key,
      validUntil: presigned.expiresAt,
      limitedBy: presigned.limitedBy,
      validity,
      ...(outsideS3
        ? { warning: `The template is at ${new URL(presigned.url).host}, the S3 endpoint this Roledeck is set to use (AWS_ENDPOINT_URL), not Amazon S3: the AWS console cannot read it. Unset AWS_ENDPOINT_URL to give a customer a working link.` }
        : {}),
      createdAt: now,
    };
    await this.world.saveRecord(state.customer.id, (current) => {
      if (!current) throw new RoledeckError('NOT_FOUND', 'The setup was removed meanwhile. Prepare it again.');
      return { ...current, quickCreate };
    });
    return quickCreate;
  }
}
