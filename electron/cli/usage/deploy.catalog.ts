import { CAPABILITIES } from '../../../shared/domain/deploy-template';
import { json, profileArgument } from './catalog-options';
import type { CommandSpec } from './command-spec';

/** `roledeck deploy …`, declared apart from commands.catalog.ts to keep each file about one thing. */

const stackName = {
  type: 'string',
  value: 'name',
  required: true,
  description: 'The stack’s name: 1–128 letters, digits and hyphens, starting with a letter.',
} as const;
const deployRegion = { type: 'string', value: 'region', description: 'The region to deploy to, instead of the profile’s.' } as const;
const confirmAccount = {
  type: 'string',
  value: 'id',
  description: 'For a production profile: the 12-digit ID of the account you are changing, typed to confirm. Without it nothing runs there.',
} as const;

export const DEPLOY_DELETE = {
  name: 'deploy delete',
  summary: 'Deletes a test stack and follows the delete to the end, event by event.',
  details: [
    'It names the account, region and stack first. On a terminal it asks before deleting; off a terminal it deletes only with --yes.',
    'Exit codes: 0 deleted, 3 no such stack, 5 AWS refused, 6 bad input or a production profile without --confirm-account, 7 the delete failed.',
  ],
  positionals: [profileArgument],
  options: {
    'stack-name': stackName,
    region: deployRegion,
    yes: { type: 'boolean', short: 'y', description: 'Deletes without asking.' },
    'confirm-account': confirmAccount,
    json,
  },
  examples: [{ command: 'roledeck deploy delete acme-test --stack-name acme-queue', says: 'Asks, then deletes the stack and shows its events until DELETE_COMPLETE.' }],
} as const satisfies CommandSpec;

export const DEPLOY_HISTORY = {
  name: 'deploy history',
  summary: 'A profile’s test deploys: when, which stack, status, duration, changes and the identity that ran them.',
  details: ['Read from Roledeck’s history on this machine: no AWS call.'],
  positionals: [profileArgument],
  options: { json },
  examples: [{ command: 'roledeck deploy history acme-test', says: 'Newest first.' }],
} as const satisfies CommandSpec;

export const DEPLOY = {
  name: 'deploy',
  summary: 'Deploys a CloudFormation template: the change set first, then the stack’s events live, its outputs at the end.',
  usage: 'roledeck deploy <profile> <template> --stack-name <name> [--parameter K=V]... [--parameters-file <file>] [--tag K=V]... [options]',
  details: [
    'It shows the account, region, identity and stack before anything runs, then the change set (action, logical and physical ID, type, replacement); replacing or deleting a resource that holds data is called out. On a terminal it asks before executing; off a terminal it executes only with --yes. "No changes" is not an error: the stack is up to date.',
    'Capabilities the template needs (IAM resources, transforms) are detected and acknowledged for you; --capabilities adds ones only its nested stacks reveal. A template over 51,200 bytes goes through the S3 bucket given with --s3-bucket; over 1 MB is refused.',
    'Exit codes: 0 created, updated or up to date; 5 AWS refused; 6 a bad template, bad parameters, or a production profile without --confirm-account; 7 the stack failed and rolled back (the reason is printed).',
  ],
  positionals: [profileArgument, { name: 'template', description: 'The template file, YAML or JSON, at most 1 MB.' }],
  options: {
    'stack-name': stackName,
    parameter: { type: 'string', value: 'K=V', multiple: true, description: 'A parameter value, as Env=prod; wins over the file.' },
    'parameters-file': {
      type: 'string',
      value: 'file',
      description: 'Parameter values: the AWS CLI’s JSON ([{"ParameterKey": "Env", "ParameterValue": "prod"}]) or Key=Value lines.',
    },
    tag: { type: 'string', value: 'K=V', multiple: true, description: 'A stack tag, as team=web.' },
    capabilities: { type: 'string', value: 'capability', multiple: true, choices: CAPABILITIES, description: 'A capability to acknowledge beyond the ones the template shows (its nested stacks’).' },
    's3-bucket': { type: 'string', value: 'bucket', description: 'Where a template over 51,200 bytes is uploaded (created if this account has no bucket of that name).' },
    region: deployRegion,
    'no-execute': { type: 'boolean', description: 'Creates the change set, shows it and keeps it without executing.' },
    yes: { type: 'boolean', short: 'y', description: 'Executes without asking (needed off a terminal).' },
    'confirm-account': confirmAccount,
    json: { type: 'boolean', description: 'Prints the change set and the outcome as JSON on stdout (the events go to stderr).' },
  },
  examples: [
    { command: 'roledeck deploy acme-test queue.yaml --stack-name acme-queue --parameter Env=dev', says: 'Shows the change set, asks, then streams the events and prints the outputs.' },
    { command: 'roledeck deploy acme-test queue.yaml --stack-name acme-queue --parameters-file dev.json --yes', says: 'The same from a script or CI.' },
    { command: 'roledeck deploy acme-prod app.yaml --stack-name app --confirm-account 123456789012', says: 'A production profile: the account ID typed to confirm.' },
  ],
  subcommands: [DEPLOY_DELETE, DEPLOY_HISTORY],
} as const satisfies CommandSpec;
