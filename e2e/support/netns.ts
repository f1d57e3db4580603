import { execFile } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM } from './browser.js';

const run = promisify(execFile);

/**
 * A network namespace joined to this machine by a veth pair, made by the test itself (as root,
 * with iproute2's `ip`): the machine's end gets `hostAddress`, the namespace's end
 * `namespaceAddress`, both in a /30 drawn from 198.18.0.0/15 — the range set aside for
 * benchmark tests (RFC 2544), so never the machine's own network nor anyone else's.
 */
export interface NetworkNamespace {
  name: string;
  hostAddress: string;
  namespaceAddress: string;
  /** An executable that runs Debian's Chromium inside the namespace (for openBrowser). */
  chromium: string;
  remove: () => Promise<void>;
}

async function ip(...args: string[]): Promise<void> {
  try {
    await run('ip', args);
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`ip ${args.join(' ')} failed: ${stderr.trim() || (error as Error).message}. The browser suite runs as root with iproute2 installed (.ci/run installs it).`, { cause: error });
  }
}

export async function createNetworkNamespace(): Promise<NetworkNamespace> {
  const id = randomBytes(3).toString('hex');
  const name = `sitenet-e2e-${id}`;
  const hostEnd = `snh${id}`;
  const namespaceEnd = `snn${id}`;
  // 198.18.0.0/15 holds 198.18.0.0 – 198.19.255.255: pick one /30 in it.
  const third = randomInt(0, 512);
  const fourth = randomInt(0, 64) * 4;
  const prefix = `198.${18 + (third >> 8)}.${third & 255}`;
  const hostAddress = `${prefix}.${fourth + 1}`;
  const namespaceAddress = `${prefix}.${fourth + 2}`;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sitenet-netns-'));
  const chromium = path.join(dir, 'chromium-in-namespace');

  const remove = async () => {
    // Deleting the namespace removes its end of the pair, and with it the machine's end.
    await run('ip', ['netns', 'del', name]).catch(() => undefined);
    await run('ip', ['link', 'del', hostEnd]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await ip('netns', 'add', name);
    await ip('link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', namespaceEnd);
    await ip('link', 'set', namespaceEnd, 'netns', name);
    await ip('addr', 'add', `${hostAddress}/30`, 'dev', hostEnd);
    await ip('link', 'set', hostEnd, 'up');
    await ip('netns', 'exec', name, 'ip', 'addr', 'add', `${namespaceAddress}/30`, 'dev', namespaceEnd);
    await ip('netns', 'exec', name, 'ip', 'link', 'set', namespaceEnd, 'up');
    await ip('netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up');
    await writeFile(chromium, `#!/bin/sh\nexec ip netns exec ${name} ${CHROMIUM} "$@"\n`);
    await chmod(chromium, 0o755);
  } catch (error) {
    await remove();
    throw error;
  }
  return { name, hostAddress, namespaceAddress, chromium, remove };
}
