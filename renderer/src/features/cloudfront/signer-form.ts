import type { SignOptions, SignPlan } from '../../../../shared/logic/cloudfront-sign-plan';
import { planSigning } from '../../../../shared/logic/cloudfront-sign-plan';
import { messageOf } from '../../../../shared/logic/error-message';

/** What the signer form holds, as typed. */
export interface SignerValues {
  key: string;
  mode: 'url' | 'cookies';
  urls: string;
  /** A preset spec ("1h") or 'custom' (then `expiresCustom`). */
  expiresPreset: string;
  expiresCustom: string;
  notBefore: string;
  ipRange: string;
  resource: string;
}

export const CUSTOM_EXPIRY = 'custom';

/** The non-empty lines of the URL box: one URL signs one, many sign a batch under one policy. */
export function urlLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function expiresOf(values: SignerValues): string {
  return values.expiresPreset === CUSTOM_EXPIRY ? values.expiresCustom.trim() : values.expiresPreset;
}

/** The policy options as the contract takes them (empty fields left out). */
export function signOptions(values: SignerValues): SignOptions & { expires: string } {
  const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());
  const notBefore = optional(values.notBefore);
  const ipRange = optional(values.ipRange);
  const resource = optional(values.resource);
  return { expires: expiresOf(values), ...(notBefore ? { notBefore } : {}), ...(ipRange ? { ipRange } : {}), ...(resource ? { resource } : {}) };
}

export type Preview = { ok: true; plan: SignPlan; policy: string; count: number } | { ok: false; message: string } | { ok: null };

/**
 * The live preview: the same plan the main side will sign (shared/logic/cloudfront-sign-plan),
 * so the policy shown is byte for byte the one signed, and a problem shows before anything is sent.
 */
export function previewOf(values: SignerValues, nowMs: number): Preview {
  const urls = urlLines(values.urls);
  if (urls.length === 0 || expiresOf(values) === '') return { ok: null };
  try {
    const plan = planSigning(values.mode === 'cookies' ? urls.slice(0, 1) : urls, signOptions(values), nowMs);
    const first = plan.policies[0] ?? '';
    return { ok: true, plan, policy: JSON.stringify(JSON.parse(first), null, 2), count: urls.length };
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
}
