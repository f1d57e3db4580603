import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';

/** Whether a host name or address (HOST, or a socket's local address) means this computer only: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const bare = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  const v4 = bare.startsWith('::ffff:') && isIP(bare.slice(7)) === 4 ? bare.slice(7) : bare;
  if (isIP(v4) === 4) return v4.split('.')[0] === '127';
  if (isIP(bare) === 6) return /^(0{1,4}:){7}0{0,3}1$/.test(bare) || bare === '::1';
  return false;
}

/**
 * The startup line's account of where the server listens, from the socket actually bound (not
 * from what was asked): an unspecified address is "all addresses" (every interface of the
 * machine: reachable from the network), a loopback one "this computer only".
 */
export function describeListenAddress(bound: AddressInfo | string | null): string {
  if (!bound || typeof bound === 'string') return `on ${bound ?? 'an unknown address'}`;
  const { address, port } = bound;
  if (address === '0.0.0.0') return `on all IPv4 addresses (0.0.0.0), port ${port} — reachable from the network; on this computer: http://127.0.0.1:${port}`;
  if (address === '::') return `on all addresses (::, IPv6 and IPv4), port ${port} — reachable from the network; on this computer: http://localhost:${port}`;
  const url = `http://${bound.family === 'IPv6' ? `[${address}]` : address}:${port}`;
  return isLoopbackHost(address) ? `on ${url} (this computer only)` : `on ${url} — reachable from the network at this address`;
}
