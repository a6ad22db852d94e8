/**
 * Redaction for anything that may reach a log line, an error sent over IPC or a crash report.
 * It errs on the side of hiding: a masked harmless value costs nothing, a leaked secret costs
 * a customer's account.
 */

const REDACTED = '[redacted]';

/** Field names whose values are secret whatever they look like. */
const SECRET_KEY_NAME = /(secret|token|password|passphrase|privatekey|private_key|tokencode|mfacode|credential)/i;

const PATTERNS: readonly RegExp[] = [
  // PEM blocks (CloudFront private keys).
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  // ini / env assignments of secrets: aws_secret_access_key = ..., AWS_SESSION_TOKEN=...
  /((?:aws_)?(?:secret_access_key|session_token|security_token)\s*[=:]\s*["']?)[^\s"']+/gi,
  // Session tokens and other long base64 blobs (STS tokens are several hundred characters).
  /[A-Za-z0-9+/=]{100,}/g,
  // Secret access keys: 40 characters of base64 alphabet standing on their own.
  /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{40}(?![A-Za-z0-9+/=])/g,
];

export function redactText(text: string): string {
  let out = text;
  for (const pattern of PATTERNS) {
    out = out.replace(pattern, (match, prefix: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) && prefix.length < match.length
        ? `${prefix}${REDACTED}`
        : REDACTED,
    );
  }
  return out;
}

/** Deep-copies a value with secret-named fields and secret-looking strings masked. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[…]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY_NAME.test(key) && inner != null ? REDACTED : redactValue(inner, depth + 1);
    }
    return out;
  }
  return value;
}

/** Shows the first four and last four characters of an access key ID: AKIA…WXYZ. */
export function maskKeyId(keyId: string): string {
  if (keyId.length <= 8) return '•'.repeat(keyId.length);
  return `${keyId.slice(0, 4)}${'•'.repeat(keyId.length - 8)}${keyId.slice(-4)}`;
}
