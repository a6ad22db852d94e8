import type { AwsIniProfiles } from '../logic/aws-config-import';

/** The user's ~/.aws config and credentials files, read exactly as the AWS SDKs read them. Never written. */
export interface AwsFilesSource {
  read(): Promise<{ profiles: AwsIniProfiles; files: { config: string; credentials: string } }>;
}
