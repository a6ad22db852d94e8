import { CAPABILITIES, type Capability, type CapabilityNeed } from '../domain/deploy-template';

/**
 * Which capabilities a template makes the user acknowledge (CreateStack / CreateChangeSet API
 * reference, "Capabilities"):
 * - CAPABILITY_IAM for resources that can change permissions in the account. The reference lists
 *   AWS::IAM::AccessKey, Group, InstanceProfile, ManagedPolicy, Policy, Role, User and
 *   UserToGroupAddition; Roledeck asks for every AWS::IAM::* type, because acknowledging one too
 *   many costs nothing and one too few fails the deploy with InsufficientCapabilities.
 * - CAPABILITY_NAMED_IAM when such a resource has a custom name ("If you have IAM resources with
 *   custom names, you must specify CAPABILITY_NAMED_IAM"); it covers CAPABILITY_IAM.
 * - CAPABILITY_AUTO_EXPAND for macros, "including the AWS::Include and AWS::Serverless transforms".
 *   The reference says it has no effect on change sets, yet change sets of SAM templates with
 *   nested applications fail without it; passing it is harmless, so Roledeck always does for a
 *   template with a transform.
 * Nested stacks need nothing by themselves: their own templates may, and CloudFormation then
 * answers InsufficientCapabilities naming what is missing (`capabilitiesFromError`).
 */

/** The property that gives an IAM resource a custom name, per type. */
const NAME_PROPERTIES: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'RoleName',
  'AWS::IAM::User': 'UserName',
  'AWS::IAM::Group': 'GroupName',
  'AWS::IAM::ManagedPolicy': 'ManagedPolicyName',
  'AWS::IAM::InstanceProfile': 'InstanceProfileName',
};

/** SAM resources that generate IAM roles or policies when the template does not name a role. */
const SAM_ROLE_CREATORS = new Set(['AWS::Serverless::Function', 'AWS::Serverless::StateMachine']);
const SAM_POLICY_CREATORS = new Set(['AWS::Serverless::Connector']);

export interface CapabilityResource {
  logicalId: string;
  type: string;
  properties: Readonly<Record<string, unknown>>;
}

/** `!Ref AWS::NoValue` removes the property: the resource gets a generated name. */
function isNoValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { Ref?: unknown }).Ref === 'AWS::NoValue';
}

function hasCustomName(resource: CapabilityResource): boolean {
  const property = NAME_PROPERTIES[resource.type];
  if (!property) return false;
  const value = resource.properties[property];
  // A conditional name (!If) may be set: count it, as CloudFormation would need the capability then.
  return value !== undefined && value !== null && !isNoValue(value);
}

/** The capabilities a template needs, each with the resources or transforms that need it. */
export function capabilityNeeds(resources: readonly CapabilityResource[], transforms: readonly string[]): CapabilityNeed[] {
  const needs: CapabilityNeed[] = [];
  const iam = resources.filter((resource) => resource.type.startsWith('AWS::IAM::'));
  const named = iam.filter(hasCustomName);
  const generated = resources.filter(
    (resource) =>
      SAM_POLICY_CREATORS.has(resource.type) || (SAM_ROLE_CREATORS.has(resource.type) && resource.properties.Role === undefined),
  );
  if (named.length > 0) {
    needs.push({
      capability: 'CAPABILITY_NAMED_IAM',
      reason: `creates IAM resources with names you chose: ${named.map((resource) => resource.logicalId).join(', ')}`,
      because: named.map((resource) => resource.logicalId),
    });
  }
  const unnamed = [...iam.filter((resource) => !named.includes(resource)), ...generated];
  if (unnamed.length > 0) {
    needs.push({
      capability: 'CAPABILITY_IAM',
      reason: `creates or changes IAM permissions: ${unnamed.map((resource) => resource.logicalId).join(', ')}`,
      because: unnamed.map((resource) => resource.logicalId),
    });
  }
  if (transforms.length > 0) {
    needs.push({
      capability: 'CAPABILITY_AUTO_EXPAND',
      reason: `uses macros that rewrite the template: ${transforms.join(', ')}`,
      because: [...transforms],
    });
  }
  return needs;
}

/** The smallest set to pass: CAPABILITY_NAMED_IAM already covers CAPABILITY_IAM. */
export function capabilitiesToPass(needs: readonly CapabilityNeed[]): Capability[] {
  const wanted = new Set(needs.map((need) => need.capability));
  if (wanted.has('CAPABILITY_NAMED_IAM')) wanted.delete('CAPABILITY_IAM');
  return CAPABILITIES.filter((capability) => wanted.has(capability));
}

/**
 * The capabilities an InsufficientCapabilities error asks for
 * ("Requires capabilities : [CAPABILITY_NAMED_IAM]"), so the user can be asked once more —
 * this is how nested stacks' needs surface.
 */
export function capabilitiesFromError(message: string): Capability[] {
  const found = new Set(message.match(/CAPABILITY_[A-Z_]+/g) ?? []);
  return CAPABILITIES.filter((capability) => found.has(capability));
}
