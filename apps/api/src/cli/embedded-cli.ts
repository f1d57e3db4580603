import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config.js';
import { DataDirLockedError } from '../database/data-dir-lock.js';
import { EmbeddedBackupError } from '../database/embedded-backup.js';
import { InterruptedRestoreError } from '../database/restore-journal.js';

/**
 * What `npm run backup` and `npm run restore` share: both work on the embedded database only, with
 * the server stopped, and report the errors they expect as one line prefixed with their name.
 */
export interface EmbeddedCommand {
  /** The command's name, the prefix of every line it prints: backup, restore. */
  name: string;
  /** What to do instead when DATABASE_URL is set, e.g. "back it up with pg_dump". */
  onServer: string;
  /** Printed on a second line when the server (or another process) holds the folder. */
  whenLocked: string;
  /** Appended to every other error, e.g. "Nothing was changed." */
  afterError?: string;
  /** The option naming the file (to, from) and the switch (force, replace); `usage` is printed when the file is missing. */
  fileOption: string;
  switchOption: string;
  usage: string;
}

/** What the command does once its arguments are read and the data is known to be embedded. */
export type EmbeddedAction = (dataDir: string, file: string, switched: boolean) => Promise<void>;

/** DATA_DIR/pglite's parent folder, or null after saying that the data is on a PostgreSQL server. */
export function embeddedDataDir(command: EmbeddedCommand): string | null {
  const config = loadConfig();
  if (config.database.kind !== 'pglite' || !config.database.dataDir) {
    console.error(`${command.name}: DATABASE_URL is set, so the data is on a PostgreSQL server: ${command.onServer} (see infra/README.md, "Backups and restores").`);
    return null;
  }
  return config.database.dataDir;
}

/** Reads `--<fileOption> FILE [--<switchOption>]`, runs the action on DATA_DIR and exits 0, or 2 on wrong use, or 1 after naming what went wrong. */
export function runEmbeddedCommand(command: EmbeddedCommand, action: EmbeddedAction): void {
  const main = async (): Promise<number> => {
    const options = { [command.fileOption]: { type: 'string' as const }, [command.switchOption]: { type: 'boolean' as const, default: false } };
    const { values } = parseArgs({ options, allowPositionals: false });
    const file = values[command.fileOption];
    if (typeof file !== 'string' || !file) {
      console.error(command.usage);
      return 2;
    }
    const dataDir = embeddedDataDir(command);
    if (!dataDir) return 2;
    await action(dataDir, file, values[command.switchOption] === true);
    return 0;
  };
  const after = command.afterError ? [command.afterError] : [];
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof DataDirLockedError) {
        console.error(`${command.name}: ${error.message}\n${command.name}: ${command.whenLocked}`);
      } else if (error instanceof EmbeddedBackupError || error instanceof ConfigError || error instanceof InterruptedRestoreError) {
        console.error([`${command.name}: ${error.message}`, ...after].join(' '));
      } else {
        console.error(`${command.name}: failed:`, error instanceof Error ? error.message : error, ...after);
      }
      process.exit(1);
    },
  );
}
