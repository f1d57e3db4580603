import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { DataDirLockedError } from '../database/data-dir-lock.js';
import { InterruptedRestoreError } from '../database/restore-journal.js';
import { backupEmbedded, EmbeddedBackupError } from '../database/embedded-backup.js';

/**
 * Backs up the embedded database (DATA_DIR/pglite) to one file, while the server is stopped:
 *
 *   npm run backup -- --to backups/sitenet-2026-12-02.tar.gz [--force]
 *
 * With DATABASE_URL set, use pg_dump instead (infra/README.md, "Backups and restores").
 */
const USAGE = 'usage: npm run backup -- --to FILE [--force]   (stop the server first; --force overwrites FILE)';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { to: { type: 'string' }, force: { type: 'boolean', default: false } }, allowPositionals: false });
  if (!values.to) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  if (config.database.kind !== 'pglite' || !config.database.dataDir) {
    console.error('backup: DATABASE_URL is set, so the data is on a PostgreSQL server: back it up with pg_dump (see infra/README.md, "Backups and restores").');
    return 2;
  }
  const result = await backupEmbedded(config.database.dataDir, values.to, { overwrite: values.force });
  console.log(
    `backup: ${config.database.dataDir} → ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB; ${result.sites} sites, ${result.accounts} accounts, ${result.migrations} migrations). ` +
      `Restore it with: npm run restore -- --from ${result.file}`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataDirLockedError) {
      console.error(`backup: ${error.message}\nbackup: the embedded database is backed up while nothing else has it open: stop the server, run the backup (a few seconds), start the server again. Nothing was written.`);
    } else if (error instanceof EmbeddedBackupError || error instanceof ConfigError || error instanceof InterruptedRestoreError) {
      console.error(`backup: ${error.message}`);
    } else {
      console.error('backup: failed:', error instanceof Error ? error.message : error);
    }
    process.exit(1);
  },
);
