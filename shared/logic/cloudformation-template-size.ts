/**
 * How big a template may be, and how it reaches CloudFormation. Limits from the CloudFormation
 * quotas page and the CreateChangeSet API reference: TemplateBody is at most 51,200 bytes;
 * TemplateURL points to a template of at most 1 MB in S3. No `yaml` here: the renderer may use it.
 */

export const INLINE_TEMPLATE_MAX_BYTES = 51_200;
/** "max size: 1 MB" (CreateChangeSet TemplateURL); counted as 1,048,576 bytes. */
export const S3_TEMPLATE_MAX_BYTES = 1_048_576;

/** UTF-8 length without encoding the text (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i += 1;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

export type UploadPlan =
  | { kind: 'inline' }
  | { kind: 's3'; bucket: string }
  | { kind: 'needs-bucket'; message: string }
  | { kind: 'too-large'; message: string };

/** 51200 → "51,200". */
export const formatBytes = (bytes: number) => bytes.toLocaleString('en-US');

/** How a template of this size reaches CloudFormation, given the bucket the user named (if any). */
export function planTemplateUpload(sizeBytes: number, bucket?: string): UploadPlan {
  if (sizeBytes > S3_TEMPLATE_MAX_BYTES) {
    return {
      kind: 'too-large',
      message:
        `The template is ${formatBytes(sizeBytes)} bytes; CloudFormation accepts at most 1 MB (${formatBytes(S3_TEMPLATE_MAX_BYTES)} bytes), even from S3. ` +
        'Split it into nested stacks, or move large inline code and policies out of it.',
    };
  }
  if (sizeBytes <= INLINE_TEMPLATE_MAX_BYTES) return { kind: 'inline' };
  if (bucket) return { kind: 's3', bucket };
  return {
    kind: 'needs-bucket',
    message:
      `The template is ${formatBytes(sizeBytes)} bytes, over the ${formatBytes(INLINE_TEMPLATE_MAX_BYTES)} bytes CloudFormation takes directly. ` +
      'Name an S3 bucket in the target account and region to upload it to.',
  };
}
