import { z } from 'zod';
import type { Partition } from './aws-rules';

/**
 * Console sign-in (issue 12, item 5): the federation endpoints of each partition, the setting that
 * replaces them, and the shapes the `sessions.openConsole` channel carries. The sign-in token and
 * the login URL that holds it never cross IPC: the main side opens it.
 */

/**
 * Where each partition's federation endpoint is (IAM User Guide, "Enable custom identity broker
 * access to the AWS console": the aws partition's signin.aws.amazon.com; aws-cn and aws-us-gov
 * have their own sign-in hosts, as their console hosts below).
 */
export const FEDERATION_ENDPOINTS: Readonly<Record<Partition, string>> = {
  aws: 'https://signin.aws.amazon.com/federation',
  'aws-cn': 'https://signin.amazonaws.cn/federation',
  'aws-us-gov': 'https://signin.amazonaws-us-gov.com/federation',
};

/** The console's host in each partition: where a service name's destination goes. */
export const CONSOLE_HOSTS: Readonly<Record<Partition, string>> = {
  aws: 'console.aws.amazon.com',
  'aws-cn': 'console.amazonaws.cn',
  'aws-us-gov': 'console.amazonaws-us-gov.com',
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why a federation endpoint is refused, or undefined when it is usable. */
export function federationEndpointProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'The federation endpoint is not a URL; it looks like https://signin.aws.amazon.com/federation';
  }
  // http only on this machine: a private test endpoint. Anywhere else the session's secret key
  // would cross the network in the clear.
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    return 'The federation endpoint must be an https URL (http only on 127.0.0.1 or localhost)';
  }
  if (url.username || url.password) return 'The federation endpoint may not carry a user name or password';
  if (url.search || url.hash) return 'The federation endpoint may not carry a query (?…) or fragment (#…); Roledeck adds its own';
  return undefined;
}

export const FederationEndpointSchema = z
  .string()
  .max(512, 'The federation endpoint is at most 512 characters')
  .superRefine((value, context) => {
    const problem = federationEndpointProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** A console destination as typed: a service name (`s3`, `cloudformation`) or a full console URL. */
export const ConsoleDestinationSchema = z.string().min(1, 'The destination is a service name (s3) or a console URL').max(2048, 'The destination is at most 2048 characters');

/** What the Sessions view and the tray ask for: open the console as this profile. */
export const OpenConsoleRequestSchema = z
  .object({
    profileId: z.string().max(128),
    destination: ConsoleDestinationSchema.optional(),
    region: z.string().max(32).optional(),
  })
  .strict();
export type OpenConsoleRequest = z.infer<typeof OpenConsoleRequestSchema>;

/** What came of it: where the browser was sent (without the sign-in token) and for how long. */
export const OpenConsoleResultSchema = z.object({
  opened: z.literal(true),
  destination: z.string(),
  /** The console session's length AWS was asked for; absent for a role-chained session (AWS refuses one). */
  sessionSeconds: z.number().int().optional(),
});
export type OpenConsoleResult = z.infer<typeof OpenConsoleResultSchema>;
