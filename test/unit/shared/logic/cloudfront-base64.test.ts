import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesOfCloudFrontBase64,
  cloudFrontBase64OfText,
  decodeBase64,
  encodeBase64,
  fromCloudFrontBase64,
  textOfCloudFrontBase64,
  toCloudFrontBase64,
} from '../../../../shared/logic/cloudfront-base64';

describe('CloudFront base64', () => {
  it('encodes bytes exactly as standard base64 does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it('round-trips any bytes through the URL-safe variant, which never contains + = or /', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const safe = toCloudFrontBase64(encodeBase64(bytes));
        expect(safe).not.toMatch(/[+=/]/);
        expect(bytesOfCloudFrontBase64(safe)).toEqual(bytes);
        expect(fromCloudFrontBase64(safe)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });

  it('swaps + for -, = for _ and / for ~', () => {
    expect(toCloudFrontBase64('ab+c/d==')).toBe('ab-c~d__');
    expect(fromCloudFrontBase64('ab-c~d__')).toBe('ab+c/d==');
  });

  it('round-trips any text, unicode included, through exactly the UTF-8 bytes Node writes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(fromCloudFrontBase64(cloudFrontBase64OfText(text))).toBe(Buffer.from(text, 'utf8').toString('base64'));
        expect(textOfCloudFrontBase64(cloudFrontBase64OfText(text))).toBe(text);
      }),
    );
  });

  it('writes U+FFFD for a lone surrogate, as Node and browsers do', () => {
    expect(textOfCloudFrontBase64(cloudFrontBase64OfText('a\uD800b'))).toBe('a\uFFFDb');
  });

  it('refuses what is not canonical base64 instead of guessing', () => {
    expect(decodeBase64('abc')).toBeNull();
    expect(decodeBase64('ab!d')).toBeNull();
    expect(decodeBase64('QR==')).toBeNull(); // non-zero unused bits
    expect(bytesOfCloudFrontBase64('ab+c')).toBeNull(); // standard characters in a CloudFront value
    expect(textOfCloudFrontBase64(toCloudFrontBase64(Buffer.from([0xff, 0xfe]).toString('base64')))).toBeNull();
    expect(textOfCloudFrontBase64(toCloudFrontBase64(Buffer.from([0xc0, 0xaf]).toString('base64')))).toBeNull(); // overlong "/"
    expect(textOfCloudFrontBase64(toCloudFrontBase64(Buffer.from([0xed, 0xa0, 0x80]).toString('base64')))).toBeNull(); // encoded surrogate
  });
});
