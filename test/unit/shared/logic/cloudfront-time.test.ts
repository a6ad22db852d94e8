import { describe, expect, it } from 'vitest';
import { EXPIRY_PRESETS, parseTimeSpec, resolveValidity } from '../../../../shared/logic/cloudfront-time';

const NOW = Date.UTC(2026, 10, 28, 9, 0, 0);
const NOW_S = NOW / 1000;

function seconds(spec: string): number {
  const result = parseTimeSpec(spec, NOW);
  if (!result.ok) throw new Error(result.message);
  return result.epochSeconds;
}

function message(spec: string): string {
  const result = parseTimeSpec(spec, NOW);
  if (result.ok) throw new Error(`expected ${spec} to be refused`);
  return result.message;
}

describe('CloudFront expiry and start times', () => {
  it('reads durations from now, alone and combined', () => {
    expect(seconds('30m')).toBe(NOW_S + 1800);
    expect(seconds('2h')).toBe(NOW_S + 7200);
    expect(seconds('7d')).toBe(NOW_S + 7 * 86400);
    expect(seconds('1w')).toBe(NOW_S + 7 * 86400);
    expect(seconds('1d12h')).toBe(NOW_S + 36 * 3600);
    expect(seconds(' 45s ')).toBe(NOW_S + 45);
  });

  it('offers presets that all parse to a time in the future', () => {
    for (const preset of EXPIRY_PRESETS) expect(seconds(preset.spec)).toBeGreaterThan(NOW_S);
  });

  it('reads exact ISO times with a zone, and epoch seconds', () => {
    expect(seconds('2026-12-01T18:00:00Z')).toBe(Date.UTC(2026, 11, 1, 18) / 1000);
    expect(seconds('2026-12-01T18:00:00+02:00')).toBe(Date.UTC(2026, 11, 1, 16) / 1000);
    expect(seconds('2026-12-01T18:00Z')).toBe(Date.UTC(2026, 11, 1, 18) / 1000);
    expect(seconds('2026-12-01T18:00:00.999Z')).toBe(Date.UTC(2026, 11, 1, 18) / 1000);
    expect(seconds('1767225600')).toBe(1767225600);
    expect(seconds('now')).toBe(NOW_S);
  });

  it('refuses a time without a zone rather than guessing the machine’s', () => {
    expect(message('2026-12-01T18:00:00')).toMatch(/no time zone: add Z for UTC/);
    expect(message('2026-12-01')).toMatch(/no time zone/);
  });

  it('refuses dates that do not exist, zero and absurd durations, and gibberish, with the accepted forms', () => {
    expect(message('2026-02-30T10:00:00Z')).toMatch(/not a real date/);
    expect(message('2026-12-01T24:00:00Z')).toMatch(/not a real date/);
    expect(message('0h')).toMatch(/no time at all/);
    expect(message('99999d')).toMatch(/more than ten years/);
    expect(message('tomorrow')).toMatch(/30m, 2h or 7d/);
    expect(message('')).toMatch(/No time given/);
  });

  it('refuses an expiry in the past', () => {
    const result = resolveValidity('2020-01-01T00:00:00Z', undefined, NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/2020-01-01T00:00:00Z is already past/) });
  });

  it('refuses a start that is not before the expiry', () => {
    const result = resolveValidity('1h', '2h', NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/"Not before" .* is not earlier than the expiry .* would never work/);
    expect(resolveValidity('1h', '1h', NOW).ok).toBe(false);
  });

  it('accepts a start in the past or the future before the expiry', () => {
    expect(resolveValidity('2h', '1h', NOW)).toEqual({ ok: true, validity: { expiresAt: NOW_S + 7200, notBefore: NOW_S + 3600 } });
    expect(resolveValidity('2h', '2026-11-01T00:00:00Z', NOW).ok).toBe(true);
    expect(resolveValidity('2h', '  ', NOW)).toEqual({ ok: true, validity: { expiresAt: NOW_S + 7200 } });
  });
});
