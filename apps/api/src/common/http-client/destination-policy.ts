import { lookup, LookupAddress } from 'node:dns';
import { BlockList, isIP, LookupFunction } from 'node:net';

/**
 * Where outgoing requests may go. By default only to public addresses: a URL someone else
 * chose (a webhook, an SMS gateway) must not reach the API's own network, the loopback
 * interface or a cloud metadata service (SSRF).
 */
export interface DestinationPolicy {
  /** Also allow 127.0.0.0/8 and ::1 (e.g. a conformance harness on the same machine). */
  allowLoopback: boolean;
  /**
   * Also allow every address that is not public: private, loopback, link-local and the rest
   * (e.g. webhooks to a local receiver, when ALERT_WEBHOOK_ALLOW_PRIVATE is on).
   */
  allowPrivate: boolean;
}

export const PUBLIC_ONLY: DestinationPolicy = { allowLoopback: false, allowPrivate: false };

/** Loopback, private, link-local, shared, reserved, documentation and multicast ranges. */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
// IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are checked against the IPv4 ranges by BlockList.
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: would reach any IPv4 address, private ones included
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23], // protocol assignments, Teredo among them
  ['2001:db8::', 32],
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

export class DestinationRefusedError extends Error {
  constructor(host: string) {
    super(`Outgoing requests to ${host} are not allowed`);
    this.name = 'DestinationRefusedError';
  }
}

/** Whether an IP address (v4 or v6, no brackets) may be connected to under `policy`. */
export function isAllowedAddress(address: string, policy: DestinationPolicy): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (policy.allowPrivate) return true;
  try {
    if (policy.allowLoopback && LOOPBACK.check(address, type)) return true;
    return !NOT_PUBLIC.check(address, type);
  } catch {
    // An address BlockList cannot read (e.g. with an IPv6 zone) is not one we can vouch for.
    return false;
  }
}

/**
 * A DNS lookup for the socket that refuses a host when any of its addresses is not allowed.
 * Checking the addresses the socket will connect to (not a lookup made beforehand) leaves no
 * gap for DNS rebinding.
 */
export function guardedLookup(policy: DestinationPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '');
      if (addresses.length === 0 || addresses.some((a) => !isAllowedAddress(a.address, policy))) {
        return callback(new DestinationRefusedError(hostname), '');
      }
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
