import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppConfig } from '../config/config.js';
import { isLoopbackHost } from '../config/listen-address.js';
import { ApiException } from '../common/api-exception.js';

/**
 * Demo accounts share a password published in the README, so they must never be usable from the
 * network. They work only on a trial that listens on loopback alone (HOST 127.0.0.0/8, ::1 or
 * localhost), with no reverse proxy trusted (TRUST_PROXY false), outside production, with the
 * demo data on (SEED_DEMO not false). Otherwise every demo account found is deactivated at start,
 * its sign-ins ended and the action audited (DemoSeeder.secureDemoAccounts). As a second line the
 * sign-in refuses them, and as a third AuthService.authenticate ends an existing demo session's
 * use, when the connection arrives on a non-loopback address or a proxy forwarded the request
 * (X-Forwarded-For, Forwarded, X-Real-IP, Via…): a proxy on loopback would otherwise carry the
 * network to them, and a token issued by a loopback trial would work on a network instance
 * sharing its database.
 */
export const DEMO_ACCOUNTS_FILE = 'demo/accounts.json';

/** Why demo accounts may not be used with this configuration, or null when they may. */
export function demoAccountsRefusal(config: DemoConfig): string | null {
  return demoAccountsRefusalReason(config)?.text ?? null;
}

type DemoConfig = Pick<AppConfig, 'production' | 'seedDemo' | 'host'> & Partial<Pick<AppConfig, 'trustProxy'>>;

/** Why demo accounts may not be used, as a code (for the audit note) and as text; null when they may. */
export function demoAccountsRefusalReason(config: DemoConfig): { reason: 'production' | 'seed-demo-off' | 'host' | 'trust-proxy'; value: string; text: string } | null {
  if (config.production) return { reason: 'production', value: '', text: 'NODE_ENV=production' };
  if (!config.seedDemo) return { reason: 'seed-demo-off', value: '', text: 'SEED_DEMO=false (or a PostgreSQL DATABASE_URL without SEED_DEMO=true)' };
  if (!isLoopbackHost(config.host)) return { reason: 'host', value: config.host, text: `HOST=${config.host} is not a loopback address: the server is reachable from the network` };
  // A proxy in front (on this computer or not) forwards requests from the network to loopback.
  if (config.trustProxy !== undefined && config.trustProxy !== false && config.trustProxy !== 0) {
    const value = String(config.trustProxy);
    return { reason: 'trust-proxy', value, text: `TRUST_PROXY=${value}: a reverse proxy forwards requests from the network` };
  }
  return null;
}

/** What of a request tells whether it came straight from this computer: the socket's local address and the headers. */
export interface DemoConnection {
  localAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/** Headers a reverse proxy adds: a request carrying one came through a proxy, i.e. from the network. */
const PROXY_HEADERS = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host', 'x-forwarded-proto', 'via'] as const;

/** Whether demo accounts may be used on this request: a loopback-only trial, a loopback connection, no proxy in between. */
export function demoUsableOn(config: AppConfig, connection: DemoConnection): boolean {
  if (demoAccountsRefusal(config) !== null || !isLoopbackHost(connection.localAddress)) return false;
  return !PROXY_HEADERS.some((name) => connection.headers[name] !== undefined);
}

/** Whether `username` is a demo account's (seeds/demo/accounts.json). */
export function isDemoUsername(config: Pick<AppConfig, 'seedsDir'>, username: string): boolean {
  return demoUsernames(config.seedsDir).includes(username);
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

/**
 * The sign-in's second line: a demo account is refused unless the server and this connection are
 * loopback-only and no reverse proxy forwarded the request (demoUsableOn). The third line is
 * AuthService.authenticate, which refuses an existing demo session on such a request.
 */
export function assertDemoSignInAllowed(config: AppConfig, username: string, connection: DemoConnection): void {
  if (!isDemoUsername(config, username)) return;
  if (demoUsableOn(config, connection)) return;
  throw new ApiException(403, 'auth.demo_account_disabled', {
    'zh-CN': '演示账号的密码是公开的，只能在仅监听本机地址（127.0.0.1）的试用环境中登录；此服务器可从网络访问或未启用演示数据，演示账号已停用。请使用管理员为您创建的账号。',
    en: 'Demo accounts have a public password and sign in only on a trial listening on this computer alone (127.0.0.1); this server is reachable from the network or runs without the demo data, so they are disabled. Use an account an administrator created for you.',
  });
}
