import type {
  StatefulResource,
  TemplateParameter,
  TemplateProblem,
  TemplateSummary,
  TemplateUpload,
} from '../domain/deploy-template';
import { capabilitiesToPass, capabilityNeeds, type CapabilityResource } from './cloudformation-capabilities';
import { isStatefulType } from './cloudformation-guardrails';
import { formatBytes, INLINE_TEMPLATE_MAX_BYTES, planTemplateUpload, utf8ByteLength } from './cloudformation-template-size';
import { parseTemplateText } from './cloudformation-yaml';

/**
 * Reads a template file's text into what the deploy form needs, before any AWS call: parameters,
 * capabilities, resource counts, and the upload its size calls for (cloudformation-template-size).
 */

interface ResourceEntry {
  Type?: unknown;
  Properties?: unknown;
  Condition?: unknown;
  DeletionPolicy?: unknown;
}

export type TemplateAnalysis = { ok: true; summary: TemplateSummary } | { ok: false; problem: TemplateProblem };

const notATemplate = (message: string): TemplateAnalysis => ({ ok: false, problem: { code: 'not-a-template', message } });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Logical IDs and parameter names are alphanumeric (CloudFormation "Resources" and "Parameters"). */
const LOGICAL_ID = /^[A-Za-z0-9]+$/;

/** Reads, checks and summarises a template. Over 1 MB it is refused without being parsed. */
export function analyzeTemplate(text: string): TemplateAnalysis {
  const sizeBytes = utf8ByteLength(text);
  const plan = planTemplateUpload(sizeBytes);
  if (plan.kind === 'too-large') return { ok: false, problem: { code: 'too-large', message: plan.message } };
  const parsed = parseTemplateText(text);
  if (!parsed.ok) return parsed;
  const body = parsed.body;
  if (body === null || body === undefined) {
    return { ok: false, problem: { code: 'empty', message: 'The template file is empty. Choose a CloudFormation template in YAML or JSON.' } };
  }
  if (!isRecord(body) || !('Resources' in body)) {
    return notATemplate('This file is not a CloudFormation template: it has no Resources section. Choose the template file itself.');
  }
  if (!isRecord(body.Resources)) {
    return notATemplate('Resources must map logical IDs to resources (Bucket: {Type: AWS::S3::Bucket}). Fix the template.');
  }
  const resources = readResources(body.Resources);
  if (!Array.isArray(resources)) return resources;
  const parameters = readParameters(body.Parameters);
  if (!Array.isArray(parameters)) return parameters;

  const transforms = [...new Set([...topLevelTransforms(body.Transform), ...inlineTransforms(text, body)])];
  const loops = Object.keys(body.Resources).filter((key) => key.startsWith('Fn::ForEach::')).length;
  const needs = capabilityNeeds(resources, transforms);
  const nestedStacks = resources
    .filter((resource) => resource.type === 'AWS::CloudFormation::Stack' || resource.type === 'AWS::Serverless::Application')
    .map((resource) => resource.logicalId);
  const statefulResources: StatefulResource[] = resources
    .filter((resource) => isStatefulType(resource.type))
    .map((resource) => ({
      logicalId: resource.logicalId,
      type: resource.type,
      ...(typeof resource.deletionPolicy === 'string' ? { deletionPolicy: resource.deletionPolicy } : {}),
    }));
  const upload: TemplateUpload = plan.kind === 'inline' ? 'inline' : 's3';
  return {
    ok: true,
    summary: {
      format: parsed.format,
      ...(typeof body.Description === 'string' ? { description: body.Description } : {}),
      sizeBytes,
      upload,
      parameters,
      capabilities: capabilitiesToPass(needs),
      capabilityNeeds: needs,
      resourceCount: resources.length,
      conditionalResourceCount: resources.filter((resource) => resource.conditional).length,
      resourceCountExact: transforms.length === 0 && loops === 0,
      transforms,
      nestedStacks,
      statefulResources,
      notes: notesFor(sizeBytes, upload, transforms, nestedStacks, loops),
    },
  };
}

interface ReadResource extends CapabilityResource {
  conditional: boolean;
  deletionPolicy: unknown;
}

function readResources(section: Record<string, unknown>): ReadResource[] | TemplateAnalysis {
  const resources: ReadResource[] = [];
  for (const [logicalId, entry] of Object.entries(section)) {
    if (logicalId.startsWith('Fn::ForEach::')) continue;
    if (!LOGICAL_ID.test(logicalId)) {
      return notATemplate(`Resource "${logicalId}" has a name CloudFormation refuses: logical IDs are letters and digits only.`);
    }
    const resource: ResourceEntry | undefined = isRecord(entry) ? entry : undefined;
    if (!resource || typeof resource.Type !== 'string' || resource.Type === '') {
      return notATemplate(`Resource ${logicalId} has no Type. Give it one, as in Type: AWS::S3::Bucket.`);
    }
    resources.push({
      logicalId,
      type: resource.Type,
      properties: isRecord(resource.Properties) ? resource.Properties : {},
      conditional: resource.Condition !== undefined,
      deletionPolicy: resource.DeletionPolicy,
    });
  }
  if (resources.length === 0 && Object.keys(section).length === 0) {
    return notATemplate('Resources is empty: CloudFormation needs at least one resource in a template.');
  }
  return resources;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function numberOf(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined || raw.trim() === '') return undefined;
  const number = Number(raw);
  return Number.isFinite(number) ? number : undefined;
}

function readParameters(section: unknown): TemplateParameter[] | TemplateAnalysis {
  if (section === undefined || section === null) return [];
  if (!isRecord(section)) return notATemplate('Parameters must map parameter names to their definitions. Fix the template.');
  const parameters: TemplateParameter[] = [];
  for (const [name, entry] of Object.entries(section)) {
    if (!LOGICAL_ID.test(name)) {
      return notATemplate(`Parameter "${name}" has a name CloudFormation refuses: parameter names are letters and digits only.`);
    }
    const type = isRecord(entry) ? text(entry.Type) : undefined;
    if (!isRecord(entry) || !type) {
      return notATemplate(`Parameter ${name} has no Type. Give it one, as in Type: String.`);
    }
    const optional = {
      // A list default (a YAML sequence for a CommaDelimitedList) is the comma-joined string.
      default: Array.isArray(entry.Default) ? entry.Default.map((item) => text(item) ?? '').join(',') : text(entry.Default),
      allowedValues: Array.isArray(entry.AllowedValues)
        ? entry.AllowedValues.map((value) => text(value) ?? '')
        : undefined,
      allowedPattern: text(entry.AllowedPattern),
      minLength: numberOf(entry.MinLength),
      maxLength: numberOf(entry.MaxLength),
      minValue: numberOf(entry.MinValue),
      maxValue: numberOf(entry.MaxValue),
      description: text(entry.Description),
      constraintDescription: text(entry.ConstraintDescription),
    };
    const parameter: TemplateParameter = { name, type, noEcho: text(entry.NoEcho)?.toLowerCase() === 'true' };
    for (const [key, value] of Object.entries(optional)) {
      if (value !== undefined) Object.assign(parameter, { [key]: value });
    }
    parameters.push(parameter);
  }
  return parameters;
}

/** Top-level Transform: a name, a list of names, or (for AWS::Include) objects with a Name. */
function topLevelTransforms(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((item) => {
    if (typeof item === 'string') return [item];
    if (isRecord(item) && typeof item.Name === 'string') return [item.Name];
    return [];
  });
}

/** Fn::Transform anywhere in the template (AWS::Include snippets, macros on one property). */
function inlineTransforms(source: string, body: unknown): string[] {
  if (!source.includes('Fn::Transform') && !source.includes('!Transform')) return [];
  const names: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (isRecord(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'Fn::Transform') names.push(...topLevelTransforms(value));
        visit(value);
      }
    }
  };
  visit(body);
  return names;
}

function notesFor(
  sizeBytes: number,
  upload: TemplateUpload,
  transforms: readonly string[],
  nestedStacks: readonly string[],
  loops: number,
): string[] {
  const notes: string[] = [];
  if (upload === 's3') {
    notes.push(
      `The template is ${formatBytes(sizeBytes)} bytes, over the ${formatBytes(INLINE_TEMPLATE_MAX_BYTES)} bytes CloudFormation takes directly: it is uploaded to the S3 bucket you name.`,
    );
  }
  if (transforms.length > 0 || loops > 0) {
    notes.push(
      `CloudFormation expands ${transforms.length > 0 ? transforms.join(', ') : 'Fn::ForEach loops'} when it deploys, so the resource count is an estimate until the change set is ready.`,
    );
  }
  if (nestedStacks.length > 0) {
    notes.push(
      `Nested stacks (${nestedStacks.join(', ')}) are deployed from their own templates. If those create IAM resources or use macros, CloudFormation asks for more capabilities and Roledeck asks you again.`,
    );
  }
  return notes;
}
