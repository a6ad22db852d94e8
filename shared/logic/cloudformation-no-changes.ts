/**
 * CloudFormation says "nothing to change" in two ways (DESIGN.md, "AWS behaviour to get right"):
 * a change set that ends FAILED with StatusReason "The submitted information didn't contain
 * changes. Submit different information to create a change set.", or a ValidationError
 * "No updates are to be performed." (UpdateStack, and CreateChangeSet in some emulators). The
 * AWS CLI's `cloudformation deploy` accepts either phrase in a FAILED reason too; so do we.
 */
const NO_CHANGES = /didn't contain changes|No updates are to be performed/i;

/** True when a FAILED change set failed only because it changes nothing. */
export function isNoChangesReason(statusReason: string | undefined): boolean {
  return statusReason !== undefined && NO_CHANGES.test(statusReason);
}

/** True for the ValidationError AWS answers an update that changes nothing with. */
export function isNoUpdatesError(awsCode: string, awsMessage: string): boolean {
  return awsCode === 'ValidationError' && /No updates are to be performed/i.test(awsMessage);
}
