import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/config.js';
import { isLoopbackHost } from '../config/listen-address.js';
import { ApiException } from '../common/api-exception.js';

/**
 * Demo accounts share a password published in the README, so they must never be usable from the
 * network. They work only on a trial that listens on loopback alone (HOST 127.0.0.0/8, ::1 or
 * localhost), outside production, with the demo data on (SEED_DEMO not false). Otherwise every
 * demo account found is deactivated at start, its sign-ins ended and the action audited
 * (DemoSeeder.secureDemoAccounts) — and the sign-in refuses them as a second line, also when a
 * connection arrives on a non-loopback address of the machine.
 */
export const DEMO_ACCOUNTS_FILE = 'demo/accounts.json';

/** Why demo accounts may not be used with this configuration, or null when they may. */
export function demoAccountsRefusal(config: Pick<AppConfig, 'production' | 'seedDemo' | 'host'>): string | null {
  if (config.production) return 'NODE_ENV=production';
  if (!config.seedDemo) return 'SEED_DEMO=false (or a PostgreSQL DATABASE_URL without SEED_DEMO=true)';
  if (!isLoopbackHost(config.host)) return `HOST=${config.host} is not a loopback address: the server is reachable from the network`;
  return null;
}

const cache = new Map<string, readonly string[]>();

/** The demo accounts' usernames, from seeds/demo/accounts.json (none when the file is absent). */
export function demoUsernames(seedsDir: string): readonly string[] {
  let names = cache.get(seedsDir);
  if (!names) {
    try {
      const file = JSON.parse(readFileSync(path.join(seedsDir, DEMO_ACCOUNTS_FILE), 'utf8')) as { accounts: { username: string }[] };
      names = file.accounts.map((a) => a.username);
    } catch {
      names = [];
    }
    cache.set(seedsDir, names);
  }
  return names;
}

/** The sign-in's second line: a demo account is refused unless the server and this connection are loopback-only. */
export function assertDemoSignInAllowed(config: AppConfig, username: string, localAddress: string | undefined): void {
  if (!demoUsernames(config.seedsDir).includes(username)) return;
  if (demoAccountsRefusal(config) === null && isLoopbackHost(localAddress)) return;
  throw new ApiException(403, 'auth.demo_account_disabled', {
    'zh-CN': '演示账号的密码是公开的，只能在仅监听本机地址（127.0.0.1）的试用环境中登录；此服务器可从网络访问或未启用演示数据，演示账号已停用。请使用管理员为您创建的账号。',
    en: 'Demo accounts have a public password and sign in only on a trial listening on this computer alone (127.0.0.1); this server is reachable from the network or runs without the demo data, so they are disabled. Use an account an administrator created for you.',
  });
}
