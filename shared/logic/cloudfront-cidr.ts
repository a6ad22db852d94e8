/**
 * The IP condition of a custom policy. CloudFront takes one IPv4 address or one IPv4 CIDR range,
 * a single address written as `/32`; IPv6 is not supported ("Values that you specify in the
 * policy statement for a signed URL that uses a custom policy", IpAddress).
 */

export type CidrResult = { ok: true; cidr: string; network: number; prefix: number } | { ok: false; message: string };

const OCTET = /^(0|[1-9]\d{0,2})$/;

/** The address as an unsigned 32-bit number; null unless it is four decimal octets 0–255. */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => OCTET.test(part) && Number(part) <= 255)) return null;
  return parts.reduce((value, part) => value * 256 + Number(part), 0);
}

/** "192.0.2.0/24" or "203.0.113.7" (read as /32), normalised to what goes into the policy. */
export function parseIpv4Cidr(input: string): CidrResult {
  const text = input.trim();
  if (text.includes(':')) {
    return { ok: false, message: `"${text}" is an IPv6 address. CloudFront policies accept IPv4 ranges only; leave the range empty to allow any address.` };
  }
  const [address = '', prefixText, ...rest] = text.split('/');
  if (rest.length > 0 || parseIpv4(address) === null) {
    return { ok: false, message: `"${text}" is not an IPv4 address or range. Write it like 203.0.113.7 or 192.0.2.0/24.` };
  }
  const prefix = prefixText === undefined ? 32 : /^(\d|[12]\d|3[0-2])$/.test(prefixText) ? Number(prefixText) : NaN;
  if (Number.isNaN(prefix)) {
    return { ok: false, message: `"${text}" has a prefix length outside 0–32. Write it like 192.0.2.0/24.` };
  }
  return { ok: true, cidr: `${address}/${prefix}`, network: parseIpv4(address)!, prefix };
}

/** Whether an IPv4 address falls inside a range; false for anything that is not an IPv4 address. */
export function ipv4InCidr(ip: string, cidr: { network: number; prefix: number }): boolean {
  const address = parseIpv4(ip.trim());
  if (address === null) return false;
  const size = 2 ** (32 - cidr.prefix);
  return Math.floor(address / size) === Math.floor(cidr.network / size);
}
