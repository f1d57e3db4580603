import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { DataDirLockedError } from '../database/data-dir-lock.js';
import { InterruptedRestoreError } from '../database/restore-journal.js';
import { EmbeddedBackupError, restoreEmbedded } from '../database/embedded-backup.js';

/**
 * Restores a backup made by `npm run backup` into DATA_DIR/pglite, while the server is stopped:
 *
 *   DATA_DIR=./data npm run restore -- --from backups/sitenet-2026-12-02.tar.gz [--replace]
 *
 * Into an empty DATA_DIR by default; with --replace the current folder is kept aside as
 * pglite.before-restore-<time> (delete it once the restored data is checked).
 */
const USAGE = 'usage: npm run restore -- --from FILE [--replace]   (stop the server first; --replace sets the current database aside)';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, replace: { type: 'boolean', default: false } }, allowPositionals: false });
  if (!values.from) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  if (config.database.kind !== 'pglite' || !config.database.dataDir) {
    console.error('restore: DATABASE_URL is set, so the data is on a PostgreSQL server: restore it with pg_restore (see infra/README.md, "Backups and restores").');
    return 2;
  }
  const result = await restoreEmbedded(config.database.dataDir, values.from, { replace: values.replace });
  console.log(
    `restore: ${values.from} → ${result.dataDir} (${result.sites} sites, ${result.accounts} accounts, ${result.migrations} migrations).` +
      (result.previous ? ` The previous database is kept in ${result.previous}: delete it once you have checked the restored data.` : '') +
      ' Start the server as usual (npm start); it migrates the restored database if it is older than this release.',
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataDirLockedError) {
      console.error(`restore: ${error.message}\nrestore: stop the server before restoring. Nothing was changed.`);
    } else if (error instanceof EmbeddedBackupError || error instanceof ConfigError || error instanceof InterruptedRestoreError) {
      console.error(`restore: ${error.message} Nothing was changed.`);
    } else {
      console.error('restore: failed:', error instanceof Error ? error.message : error, 'Nothing was changed.');
    }
    process.exit(1);
  },
);
