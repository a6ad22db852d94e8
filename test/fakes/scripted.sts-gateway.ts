import { AwsCallError } from '../../shared/domain/aws-call-error';
import type { AwsCredentials, CallerIdentity } from '../../shared/domain/aws';
import type { AssumeRoleInput, GetSessionTokenInput, StsGateway } from '../../shared/ports/sts-gateway';

export interface StsCall {
  operation: 'AssumeRole' | 'GetSessionToken' | 'GetCallerIdentity';
  /** The access key ID that signed the call: which credentials were used. */
  signedWith: string;
  region: string;
  input?: AssumeRoleInput | GetSessionTokenInput;
}

/** A canned AWS error as the SDK gateway would throw it. */
export function awsError(code: string, message: string): AwsCallError {
  return new AwsCallError(code, `failed: ${code}: ${message}`, { cause: Object.assign(new Error(message), { name: code }) });
}

type Reply<I> = (input: I, credentials: AwsCredentials) => AwsCredentials | Error | undefined;

/**
 * An StsGateway that records every call and answers from the test's script: by default each call
 * succeeds with fresh, recognisable credentials lasting the requested duration (or an hour).
 * `failNext` queues errors; `onAssumeRole` / `onGetSessionToken` decide per call.
 */
export class ScriptedStsGateway implements StsGateway {
  readonly calls: StsCall[] = [];
  private counter = 0;
  private readonly queued: Error[] = [];
  /** ARN GetCallerIdentity reports for credentials issued by this fake. */
  private readonly identities = new Map<string, string>();
  onAssumeRole: Reply<AssumeRoleInput> = () => undefined;
  onGetSessionToken: Reply<GetSessionTokenInput> = () => undefined;
  /** Milliseconds each call takes, so concurrent callers really overlap. */
  latencyMs = 0;
  /** Token text every issued session token contains (for "never leaks" assertions). */
  tokenCanary = 'CANARYTOKEN';

  constructor(private readonly clock: { now(): number }) {}

  failNext(...errors: Error[]): void {
    this.queued.push(...errors);
  }

  count(operation: StsCall['operation']): number {
    return this.calls.filter((call) => call.operation === operation).length;
  }

  async getCallerIdentity(credentials: AwsCredentials, region: string): Promise<CallerIdentity> {
    await this.wait();
    this.calls.push({ operation: 'GetCallerIdentity', signedWith: credentials.accessKeyId, region });
    this.throwQueued();
    return { account: '222222222222', arn: this.identities.get(credentials.accessKeyId) ?? 'arn:aws:iam::111111111111:user/consultant', userId: 'AIDAEXAMPLE' };
  }

  async assumeRole(credentials: AwsCredentials, region: string, input: AssumeRoleInput): Promise<AwsCredentials> {
    await this.wait();
    this.calls.push({ operation: 'AssumeRole', signedWith: credentials.accessKeyId, region, input });
    this.throwQueued();
    const scripted = this.onAssumeRole(input, credentials);
    if (scripted instanceof Error) throw scripted;
    const issued = scripted ?? this.issue(input.durationSeconds ?? 3600);
    const [, , , , account, rest] = input.roleArn.split(':');
    this.identities.set(issued.accessKeyId, `arn:aws:sts::${account}:assumed-role/${rest?.split('/').at(-1)}/${input.roleSessionName}`);
    return issued;
  }

  async getSessionToken(credentials: AwsCredentials, region: string, input: GetSessionTokenInput): Promise<AwsCredentials> {
    await this.wait();
    this.calls.push({ operation: 'GetSessionToken', signedWith: credentials.accessKeyId, region, input });
    this.throwQueued();
    const scripted = this.onGetSessionToken(input, credentials);
    if (scripted instanceof Error) throw scripted;
    return scripted ?? this.issue(input.durationSeconds ?? 43_200);
  }

  issue(seconds: number): AwsCredentials {
    this.counter += 1;
    return {
      accessKeyId: `ASIATEMP${String(this.counter).padStart(8, '0')}`,
      secretAccessKey: `temporarySecret${this.counter}`.padEnd(40, 'x'),
      sessionToken: `${this.tokenCanary}-${this.counter}-${'t'.repeat(300)}`,
      expiresAt: this.clock.now() + seconds * 1000,
    };
  }

  private throwQueued(): void {
    const error = this.queued.shift();
    if (error) throw error;
  }

  private async wait(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    else await Promise.resolve();
  }
}
