// Which client a request comes from, for rate limiting.

import { isIPv4, isIPv6 } from 'node:net';

/**
 * The socket address, unless the operator says requests pass through `trustedHops` proxies.
 * Each proxy appends the address it received the request from to X-Forwarded-For, so the entry
 * `trustedHops` from the end is the first one no client could have written itself.
 */
export function clientAddress(socketAddress: string, forwardedFor: string | null, trustedHops: number): string {
  if (trustedHops <= 0 || !forwardedFor) return socketAddress;
  const chain = forwardedFor
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (chain.length === 0) return socketAddress;
  return chain[Math.max(chain.length - trustedHops, 0)];
}

/**
 * The rate-limit key for an address. IPv4 (including IPv4-mapped IPv6) counts per address; IPv6
 * per /64, since one subscriber line usually owns a whole /64 and could otherwise rotate through it.
 */
export function rateLimitKey(address: string): string {
  const mapped = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIPv4(mapped)) return mapped;
  if (!isIPv6(mapped)) return mapped.toLowerCase();
  const [head, tail = ''] = mapped.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = mapped.includes('::') ? [...headGroups, ...Array(missing).fill('0'), ...tailGroups] : headGroups;
  return (
    groups
      .slice(0, 4)
      .map((group) => group.replace(/^0+(?=.)/, ''))
      .join(':') + '::/64'
  );
}
