import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipv4InCidr, parseIpv4Cidr } from '../../../../shared/logic/cloudfront-cidr';

function cidr(text: string) {
  const result = parseIpv4Cidr(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

describe('IP ranges in custom policies', () => {
  it('takes a range as given and a single address as /32', () => {
    expect(cidr('192.0.2.0/24').cidr).toBe('192.0.2.0/24');
    expect(cidr(' 203.0.113.7 ').cidr).toBe('203.0.113.7/32');
    expect(cidr('0.0.0.0/0').cidr).toBe('0.0.0.0/0');
  });

  it('refuses IPv6, saying CloudFront takes IPv4 only', () => {
    const result = parseIpv4Cidr('2001:db8::/32');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/IPv6 .* IPv4 ranges only/);
  });

  it.each(['10.0.0/8', '256.1.1.1', '1.2.3.4/33', '01.2.3.4', '1.2.3.4/', '1.2.3.4/24/1', 'example.com', '1.2.3.4/-1', ''])(
    'refuses the malformed range %j with an example of a good one',
    (text) => {
      const result = parseIpv4Cidr(text);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/192\.0\.2\.0\/24/);
    },
  );

  it('tells whether an address is inside a range', () => {
    expect(ipv4InCidr('192.0.2.200', cidr('192.0.2.0/24'))).toBe(true);
    expect(ipv4InCidr('192.0.3.1', cidr('192.0.2.0/24'))).toBe(false);
    expect(ipv4InCidr('203.0.113.7', cidr('203.0.113.7'))).toBe(true);
    expect(ipv4InCidr('203.0.113.8', cidr('203.0.113.7'))).toBe(false);
    expect(ipv4InCidr('2001:db8::1', cidr('0.0.0.0/0'))).toBe(false);
  });

  it('puts every address of a range inside it and the next one outside', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 1, max: 32 }), (network, prefix) => {
        const size = 2 ** (32 - prefix);
        const base = Math.floor(network / size) * size;
        const dotted = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
        const range = cidr(`${dotted(base)}/${prefix}`);
        expect(ipv4InCidr(dotted(base + size - 1), range)).toBe(true);
        if (base + size < 2 ** 32) expect(ipv4InCidr(dotted(base + size), range)).toBe(false);
      }),
    );
  });
});
