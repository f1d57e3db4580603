import { parseArgs } from 'node:util';
import { restoreEmbedded } from '../database/embedded-backup.js';
import { embeddedDataDir, runEmbeddedCommand, type EmbeddedCommand } from './embedded-cli.js';

/**
 * Restores a backup made by `npm run backup` into DATA_DIR/pglite, while the server is stopped:
 *
 *   DATA_DIR=./data npm run restore -- --from backups/sitenet-2026-12-02.tar.gz [--replace]
 *
 * Into an empty DATA_DIR by default; with --replace the current folder is kept aside as
 * pglite.before-restore-<time> (delete it once the restored data is checked).
 */
const USAGE = 'usage: npm run restore -- --from FILE [--replace]   (stop the server first; --replace sets the current database aside)';

const COMMAND: EmbeddedCommand = {
  name: 'restore',
  onServer: 'restore it with pg_restore',
  whenLocked: 'stop the server before restoring. Nothing was changed.',
  afterError: 'Nothing was changed.',
};

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, replace: { type: 'boolean', default: false } }, allowPositionals: false });
  if (!values.from) {
    console.error(USAGE);
    return 2;
  }
  const dataDir = embeddedDataDir(COMMAND);
  if (!dataDir) return 2;
  const result = await restoreEmbedded(dataDir, values.from, { replace: values.replace });
  console.log(
    `restore: ${values.from} → ${result.dataDir} (${result.sites} sites, ${result.accounts} accounts, ${result.migrations} migrations).` +
      (result.previous ? ` The previous database is kept in ${result.previous}: delete it once you have checked the restored data.` : '') +
      ' Start the server as usual (npm start); it migrates the restored database if it is older than this release.',
  );
  return 0;
}

runEmbeddedCommand(COMMAND, main);
