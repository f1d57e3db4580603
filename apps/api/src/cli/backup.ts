import { backupEmbedded } from '../database/embedded-backup.js';
import { runEmbeddedCommand, type EmbeddedCommand } from './embedded-cli.js';

/**
 * Backs up the embedded database (DATA_DIR/pglite) to one file, while the server is stopped:
 *
 *   npm run backup -- --to backups/sitenet-2026-12-02.tar.gz [--force]
 *
 * With DATABASE_URL set, use pg_dump instead (infra/README.md, "Backups and restores").
 */
const COMMAND: EmbeddedCommand = {
  name: 'backup',
  fileOption: 'to',
  switchOption: 'force',
  usage: 'usage: npm run backup -- --to FILE [--force]   (stop the server first; --force overwrites FILE)',
  onServer: 'back it up with pg_dump',
  whenLocked: 'the embedded database is backed up while nothing else has it open: stop the server, run the backup (a few seconds), start the server again. Nothing was written.',
};

runEmbeddedCommand(COMMAND, async (dataDir, to, force) => {
  const result = await backupEmbedded(dataDir, to, { overwrite: force });
  console.log(
    `backup: ${dataDir} → ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB; ${result.sites} sites, ${result.accounts} accounts, ${result.migrations} migrations). ` +
      `Restore it with: npm run restore -- --from ${result.file}`,
  );
});
