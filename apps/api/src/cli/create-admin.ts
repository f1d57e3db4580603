import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Writable } from 'node:stream';
import { ConfigError, loadConfig } from '../config/config.js';
import { prepareDatabase } from '../database/prepare.js';
import { createApp } from '../create-app.js';
import { AccountsService } from '../auth/accounts.service.js';
import { ApiException } from '../common/api-exception.js';
import { DataDirLockedError, dataDirLockHolder, lockFileFor } from '../database/data-dir-lock.js';
import { parseAdminInput } from './admin-input.js';

/**
 * Creates an administrator account: the first one in production, where no demo account exists.
 * The password is read from the terminal without echo (or from standard input when piped), never
 * from an argument or the environment, so it stays out of shell history and process lists.
 *
 *   npm run create-admin -- --username zhang.admin --name "张管理员"
 */
const USAGE = 'usage: npm run create-admin -- --username NAME [--name "Display name"]   (the password is asked for)';

async function readPassword(prompt: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const tty = process.stdin.isTTY;
  if (tty) process.stderr.write(prompt);
  const rl = createInterface({ input: process.stdin, output: tty ? muted : undefined, terminal: tty });
  const line = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  if (tty) process.stderr.write('\n');
  return line;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' } }, allowPositionals: false });
  if (!values.username) {
    console.error(USAGE);
    return 2;
  }
  const config = { ...loadConfig(), seedDemo: false, logLevel: 'silent' as const };
  // The embedded database admits one process: say so before asking for a password for nothing.
  if (config.database.kind === 'pglite' && config.database.dataDir) {
    const holder = dataDirLockHolder(config.database.dataDir);
    if (holder) throw new DataDirLockedError(config.database.dataDir, lockFileFor(config.database.dataDir), holder);
  }
  const password = await readPassword('Password (at least 10 characters; not a common or breached password, nor containing the username or "sitenet"): ');
  const again = process.stdin.isTTY ? await readPassword('Repeat the password: ') : password;
  if (password !== again) {
    console.error('create-admin: the two passwords differ; nothing was created.');
    return 1;
  }
  // The same schemas as POST /api/accounts, before the database is opened.
  const checked = parseAdminInput({ username: values.username, name: values.name, password }, config.seedsDir);
  if ('problems' in checked) {
    console.error(`create-admin: ${checked.problems.join('; ')}. Nothing was created.`);
    return 1;
  }
  const { dataSource } = await prepareDatabase(config);
  const app = await createApp(config, dataSource);
  try {
    const account = await app.get(AccountsService).create(checked.input, { operator: 'create-admin' });
    console.log(`create-admin: created administrator ${account.username} (${account.id}).`);
    return 0;
  } catch (error) {
    if (error instanceof ApiException) {
      const details = error.issues?.map((i) => `${i.path.replace('body.', '')}: ${i.messages.en}`).join('; ');
      console.error(`create-admin: ${details ?? error.messages.en} Nothing was created.`);
      return 1;
    }
    throw error;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataDirLockedError) {
      console.error(`create-admin: ${error.message}\ncreate-admin: it opens the embedded database itself, so it cannot run beside the server: stop the server, run create-admin, then start the server again. Nothing was created.`);
      process.exit(1);
    }
    console.error(`create-admin: ${error instanceof ConfigError ? error.message : error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
