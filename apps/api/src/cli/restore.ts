import { restoreEmbedded } from '../database/embedded-backup.js';
import { runEmbeddedCommand, type EmbeddedCommand } from './embedded-cli.js';

/**
 * Restores a backup made by `npm run backup` into DATA_DIR/pglite, while the server is stopped:
 *
 *   DATA_DIR=./data npm run restore -- --from backups/sitenet-2026-12-02.tar.gz [--replace]
 *
 * Into an empty DATA_DIR by default; with --replace the current folder is kept aside as
 * pglite.before-restore-<time> (delete it once the restored data is checked).
 */
const COMMAND: EmbeddedCommand = {
  name: 'restore',
  fileOption: 'from',
  switchOption: 'replace',
  usage: 'usage: npm run restore -- --from FILE [--replace]   (stop the server first; --replace sets the current database aside)',
  onServer: 'restore it with pg_restore',
  whenLocked: 'stop the server before restoring. Nothing was changed.',
  afterError: 'Nothing was changed.',
};

runEmbeddedCommand(COMMAND, async (dataDir, from, replace) => {
  const result = await restoreEmbedded(dataDir, from, { replace });
  console.log(
    `restore: ${from} → ${result.dataDir} (${result.sites} sites, ${result.accounts} accounts, ${result.migrations} migrations).` +
      (result.previous ? ` The previous database is kept in ${result.previous}: delete it once you have checked the restored data.` : '') +
      ' Start the server as usual (npm start); it migrates the restored database if it is older than this release.',
  );
});
