import { describe, expect, it } from 'vitest';
import { federationEndpointProblem, FEDERATION_ENDPOINTS } from '../../../../shared/domain/console-signin';
import { consoleDestination, consoleSessionSeconds, loginUrl, signinTokenUrl } from '../../../../shared/logic/console-signin';

const credentials = { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret/+=key', sessionToken: 'token&with=odd?chars' };

describe('console sign-in URLs', () => {
  it('asks getSigninToken with the session JSON AWS expects, URL-encoded, and the session length', () => {
    const url = new URL(signinTokenUrl(FEDERATION_ENDPOINTS.aws, credentials, 7200));
    expect(url.origin + url.pathname).toBe('https://signin.aws.amazon.com/federation');
    expect(url.searchParams.get('Action')).toBe('getSigninToken');
    expect(url.searchParams.get('SessionDuration')).toBe('7200');
    expect(JSON.parse(url.searchParams.get('Session')!)).toEqual({ sessionId: 'ASIAEXAMPLE', sessionKey: 'secret/+=key', sessionToken: 'token&with=odd?chars' });
  });

  it('leaves SessionDuration out for a role-chained session, which the federation endpoint refuses it for', () => {
    expect(consoleSessionSeconds(true, 7200)).toBeUndefined();
    expect(new URL(signinTokenUrl(FEDERATION_ENDPOINTS.aws, credentials, undefined)).searchParams.has('SessionDuration')).toBe(false);
  });

  it('keeps a console session between 15 minutes and 12 hours, one hour by default', () => {
    expect(consoleSessionSeconds(false, undefined)).toBe(3600);
    expect(consoleSessionSeconds(false, 60)).toBe(900);
    expect(consoleSessionSeconds(false, 129_600)).toBe(43_200);
  });

  it('builds the login URL with issuer, destination and token', () => {
    const url = new URL(loginUrl('http://127.0.0.1:4444/federation', 'tok+en/=', 'https://console.aws.amazon.com/s3/home?region=eu-west-1'));
    expect(url.searchParams.get('Action')).toBe('login');
    expect(url.searchParams.get('SigninToken')).toBe('tok+en/=');
    expect(url.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/s3/home?region=eu-west-1');
    expect(url.searchParams.get('Issuer')).toMatch(/^https:\/\//);
  });

  it.each([
    [undefined, 'aws', 'https://console.aws.amazon.com/console/home?region=eu-west-1'],
    ['s3', 'aws', 'https://console.aws.amazon.com/s3/home?region=eu-west-1'],
    ['cloudformation', 'aws-cn', 'https://console.amazonaws.cn/cloudformation/home?region=eu-west-1'],
    ['ec2', 'aws-us-gov', 'https://console.amazonaws-us-gov.com/ec2/home?region=eu-west-1'],
    ['https://eu-west-1.console.aws.amazon.com/lambda/home#/functions', 'aws', 'https://eu-west-1.console.aws.amazon.com/lambda/home#/functions'],
  ] as const)('destination %s in %s → %s', (input, partition, expected) => {
    expect(consoleDestination(input, 'eu-west-1', partition)).toEqual({ ok: true, url: expected });
  });

  it.each([
    ['https://evil.example/console.aws.amazon.com', /is on console.aws.amazon.com, not evil.example/],
    ['http://console.aws.amazon.com/s3', /starts with https/],
    ['S3 buckets', /neither a service name/],
    ['https://console.aws.amazon.com.evil.example/', /not console.aws.amazon.com.evil.example/],
  ])('refuses the destination %s', (input, problem) => {
    const result = consoleDestination(input, 'us-east-1', 'aws');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });

  it.each([
    ['https://signin.aws.amazon.com/federation', undefined],
    ['http://127.0.0.1:9999/federation', undefined],
    ['http://signin.example.com/federation', /https URL/],
    ['https://signin.aws.amazon.com/federation?x=1', /query/],
    ['https://me:pw@signin.aws.amazon.com/federation', /user name or password/],
    ['signin.aws.amazon.com', /not a URL/],
  ])('federation endpoint %s', (value, problem) => {
    const found = federationEndpointProblem(value);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});
