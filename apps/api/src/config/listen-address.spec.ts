import { describe, expect, it } from 'vitest';
import { describeListenAddress, isLoopbackHost } from './listen-address.js';

describe('isLoopbackHost', () => {
  it('knows this computer from the network', () => {
    for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', '192.168.1.2', '::ffff:10.0.0.5', 'example.org', '128.0.0.1', '', undefined]) expect(isLoopbackHost(host), String(host)).toBe(false);
  });
});

describe('describeListenAddress', () => {
  it('says "all addresses" for 0.0.0.0 and ::, never localhost alone', () => {
    const all4 = describeListenAddress({ address: '0.0.0.0', family: 'IPv4', port: 3000 });
    expect(all4).toMatch(/^on all IPv4 addresses \(0\.0\.0\.0\), port 3000 — reachable from the network/);
    expect(describeListenAddress({ address: '::', family: 'IPv6', port: 8080 })).toMatch(/^on all addresses \(::/);
  });

  it('gives the real address otherwise', () => {
    expect(describeListenAddress({ address: '127.0.0.1', family: 'IPv4', port: 3000 })).toBe('on http://127.0.0.1:3000 (this computer only)');
    expect(describeListenAddress({ address: '::1', family: 'IPv6', port: 3000 })).toBe('on http://[::1]:3000 (this computer only)');
    expect(describeListenAddress({ address: '10.1.2.3', family: 'IPv4', port: 3000 })).toBe('on http://10.1.2.3:3000 — reachable from the network at this address');
  });
});
