import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RoledeckError } from '../../../shared/contract/errors';
import type { DeployOutcome, DeployRequest } from '../../../shared/domain/deploy-flow';
import type { Capability } from '../../../shared/domain/deploy-template';
import { fieldMessage } from '../../../shared/domain/rule-message';
import {
  mergeParameterValues,
  parseParameterArguments,
  parseParameterFile,
  parseTagArguments,
  type InputParse,
} from '../../../shared/logic/cloudformation-parameter-input';
import { planTemplateUpload } from '../../../shared/logic/cloudformation-template-size';
import { analyzeTemplate } from '../../../shared/logic/cloudformation-template';
import type { CliContext } from '../context';
import { EXIT } from '../errors';
import { historyLines, outcomeLines, paint, reviewLines, targetLines } from '../io/deploy-report';
import { leafName } from '../usage/command-spec';
import { DEPLOY, DEPLOY_DELETE, DEPLOY_HISTORY } from '../usage/commands.catalog';
import { parseCommand } from '../usage/parse-command';
import { LiveProgress } from '../io/live-progress';

/** `--parameter` / `--tag` / a file: the values, or VALIDATION naming where each problem is. */
function inputOrThrow<T>(parsed: InputParse<T>, flag: string): T {
  if (parsed.ok) return parsed.value;
  throw new RoledeckError('VALIDATION', parsed.problems.map((problem) => fieldMessage(flag, problem.message)).join('\n'));
}

/** The template's text, refused before it is read (and before any AWS call) when over 1 MB. */
async function readTemplate(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new RoledeckError('NOT_FOUND', `There is no template file at ${file}. Give the path of a YAML or JSON template.`);
  const plan = planTemplateUpload(info.size);
  if (plan.kind === 'too-large') throw new RoledeckError('VALIDATION', plan.message);
  return readFile(file, 'utf8');
}

async function confirmed(context: CliContext, question: string): Promise<boolean> {
  const answer = await context.io.promptLine(`${question} [y/N] `);
  return /^y(es)?$/i.test(answer.trim());
}

/** `roledeck deploy <profile> <template> --stack-name <name> …` */
async function deploy(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(DEPLOY, args);
  const { io } = context;
  const [profile, templateArgument] = positionals as [string, string];
  const json = values.json === true;
  const say = (lines: string[]) => (json ? io.stderr : io.stdout)(lines.map((line) => `${line}\n`).join(''));
  const look = paint(io.stdoutIsTty === true && !json);

  const templatePath = path.resolve(templateArgument);
  const text = await readTemplate(templatePath);
  const analysis = analyzeTemplate(text);
  if (!analysis.ok) throw new RoledeckError('VALIDATION', `${templateArgument}: ${analysis.problem.message}`);
  const fromFile = values['parameters-file']
    ? inputOrThrow(parseParameterFile(await readFile(values['parameters-file'], 'utf8')), `--parameters-file ${values['parameters-file']}`)
    : [];
  const request: DeployRequest = {
    profileId: profile,
    template: { text, source: templatePath },
    stackName: values['stack-name'] ?? '',
    parameters: mergeParameterValues(fromFile, inputOrThrow(parseParameterArguments(values.parameter ?? []), '--parameter')),
    tags: inputOrThrow(parseTagArguments(values.tag ?? []), '--tag'),
    // Detected here and acknowledged by running the command; --capabilities adds what only nested stacks show.
    capabilities: [...new Set<Capability>([...analysis.summary.capabilities, ...((values.capabilities ?? []) as Capability[])])],
    ...(values['s3-bucket'] ? { s3Bucket: values['s3-bucket'] } : {}),
    ...(values.region ? { region: values.region } : {}),
    ...(values['confirm-account'] !== undefined ? { confirmAccount: values['confirm-account'] } : {}),
  };

  const service = await context.deploy();
  const prepared = await service.prepare(request, { onTarget: (target) => say(targetLines(target, request.stackName, 'Deploying', look)) });
  if (prepared.kind === 'no-changes') {
    say([`Up to date: ${prepared.stackName} has nothing to change (CloudFormation: ${prepared.message})`]);
    if (json) io.stdout(`${JSON.stringify({ status: 'no-changes', target: prepared.target, stackName: prepared.stackName, message: prepared.message }, null, 2)}\n`);
    return EXIT.ok;
  }
  say(reviewLines(prepared, look));
  const report = (status: string, sentence: string, code: number) => {
    say([sentence]);
    if (json) io.stdout(`${JSON.stringify({ status, target: prepared.target, changeSet: prepared }, null, 2)}\n`);
    return code;
  };
  if (values['no-execute']) {
    await service.discard(prepared.runId, { keep: true });
    return report('kept', `Kept change set ${prepared.changeSetName}; nothing was executed. Execute it in the CloudFormation console, or run this again without --no-execute.`, EXIT.ok);
  }
  if (!values.yes) {
    if (!io.stdinIsTty) {
      await service.discard(prepared.runId, { keep: true });
      return report('kept', `Not executed: there is no terminal to confirm on. Change set ${prepared.changeSetName} is kept; run again with --yes to execute it.`, EXIT.failure);
    }
    const where = `account ${prepared.target.accountId} (${prepared.target.region})`;
    if (!(await confirmed(context, `Execute this change set on ${prepared.stackName} in ${where}?`))) {
      await service.discard(prepared.runId, { keep: false });
      return report('cancelled', 'Cancelled: nothing was deployed, and the change set was deleted.', EXIT.failure);
    }
  }

  const live = new LiveProgress(io, { json, look });
  // Printed as soon as the stack settles; the history is written after.
  const finished = (ended: DeployOutcome) => {
    live.stop();
    say(outcomeLines(ended, look));
  };
  const outcome = await service.execute(prepared.runId, { onUpdate: (update) => live.update(update), onOutcome: finished }).finally(() => live.stop());
  if (json) io.stdout(`${JSON.stringify({ status: outcome.status, target: prepared.target, changeSet: prepared, outcome }, null, 2)}\n`);
  return outcome.status === 'succeeded' ? EXIT.ok : EXIT.stackFailed;
}

/** `roledeck deploy delete <profile> --stack-name <name> [--yes] [--confirm-account <id>]` */
async function deleteStack(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(DEPLOY_DELETE, args);
  const { io } = context;
  const json = values.json === true;
  const say = (lines: string[]) => (json ? io.stderr : io.stdout)(lines.map((line) => `${line}\n`).join(''));
  const look = paint(io.stdoutIsTty === true && !json);
  const stackName = values['stack-name'] ?? '';
  let refusal: string | undefined;
  const live = new LiveProgress(io, { json, look });
  const outcome = await (await context.deploy())
    .deleteStack(
      {
        profileId: positionals[0]!,
        stackName,
        ...(values.region ? { region: values.region } : {}),
        ...(values['confirm-account'] !== undefined ? { confirmAccount: values['confirm-account'] } : {}),
      },
      {
        onTarget: (target) => say(targetLines(target, stackName, 'Deleting', look)),
        onUpdate: (update) => live.update(update),
        onOutcome: (ended) => {
          live.stop();
          say(outcomeLines(ended, look));
        },
        confirm: async (target) => {
          if (values.yes) return true;
          if (!io.stdinIsTty) {
            refusal = 'Not deleted: there is no terminal to confirm on. Run again with --yes to delete it.';
            return false;
          }
          refusal = 'Cancelled: nothing was deleted.';
          return confirmed(context, `Delete stack ${stackName} and its resources in account ${target.accountId} (${target.region})?`);
        },
      },
    )
    .finally(() => live.stop());
  if (outcome.status === 'cancelled') {
    say([refusal ?? 'Cancelled: nothing was deleted.']);
    if (json) io.stdout(`${JSON.stringify({ status: 'cancelled', stackName }, null, 2)}\n`);
    return EXIT.failure;
  }
  if (json) io.stdout(`${JSON.stringify(outcome, null, 2)}\n`);
  return outcome.status === 'succeeded' ? EXIT.ok : EXIT.stackFailed;
}

/** `roledeck deploy history <profile> [--json]` */
async function history(context: CliContext, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(DEPLOY_HISTORY, args);
  const profile = positionals[0]!;
  const runs = await (await context.deploy()).history(profile);
  if (values.json) context.io.stdout(`${JSON.stringify({ runs }, null, 2)}\n`);
  else if (runs.length === 0) context.io.stdout(`No deploys yet for ${profile}.\n`);
  else context.io.stdout(historyLines(runs).map((line) => `${line}\n`).join(''));
  return EXIT.ok;
}

/** `roledeck deploy …`: a deploy, or its `delete` and `history` subcommands. */
export function deployCommand(context: CliContext, args: string[]): Promise<number> {
  const [first, ...rest] = args;
  if (first === leafName(DEPLOY_DELETE)) return deleteStack(context, rest);
  if (first === leafName(DEPLOY_HISTORY)) return history(context, rest);
  return deploy(context, args);
}
