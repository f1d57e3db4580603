import fs from 'node:fs';
import path from 'node:path';
import { syncDirectory } from './data-dir-lock.js';

/**
 * The commit point of `npm run restore --replace`, and what every open of the folder checks.
 *
 * Swapping a restored folder in takes two renames (the current `pglite` aside, the staged one in
 * its place). A kill -9 or a power cut between them left DATA_DIR without `pglite`, and the next
 * start silently created a new, empty database. So the restore first writes (and flushes) a
 * journal beside the folder, `<folder>.restore-journal`, naming the staged folder (complete and
 * checked by then) and where the current one goes; then renames; then removes the journal.
 * Whoever next holds the folder's lock (the server, backup, restore, create-admin) finishes a
 * swap the journal names, and never creates a new database while a previous or staged folder of a
 * restore lies beside a missing one: it refuses, naming them and the command to run.
 */

export interface RestoreJournal {
  /** The folder being restored (DATA_DIR/pglite). */
  target: string;
  /** The restored folder, complete and checked, waiting to take its place. */
  staging: string;
  /** Where the current folder is set aside; null if there was none. */
  previous: string | null;
  /** The backup file. */
  source: string;
  since: string;
}

export class InterruptedRestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InterruptedRestoreError';
  }
}

export function journalFor(target: string): string {
  return `${path.resolve(target)}.restore-journal`;
}

function holdsDatabase(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'PG_VERSION'));
}

/** Writes the journal durably (temporary file, fsync, rename, directory fsync). */
export function writeJournal(journal: RestoreJournal): void {
  const file = journalFor(journal.target);
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w', 0o644);
  try {
    fs.writeSync(fd, `${JSON.stringify(journal, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temporary, file);
  syncDirectory(path.dirname(file));
}

export function removeJournal(target: string): void {
  fs.rmSync(journalFor(target), { force: true });
  syncDirectory(path.dirname(path.resolve(target)));
}

/** Folders (and their lock files) of restores beside `target`: `<name>.restoring-*`, `<name>.before-restore-*`. */
export function restoreLeftovers(target: string): { staging: string[]; previous: string[] } {
  const resolved = path.resolve(target);
  const parent = path.dirname(resolved);
  const name = path.basename(resolved);
  let entries: string[];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return { staging: [], previous: [] };
  }
  const pick = (infix: string) =>
    entries
      .filter((entry) => entry.startsWith(`${name}.${infix}-`) && !entry.endsWith('.lock'))
      .sort()
      .map((entry) => path.join(parent, entry));
  return { staging: pick('restoring'), previous: pick('before-restore') };
}

/**
 * Called while holding `target`'s lock, before opening it: finishes a restore that a journal
 * says was committed; refuses when the folder is missing but a restore's folders lie beside it;
 * reports staging folders left by restores that died before their commit point.
 */
export function settleInterruptedRestore(target: string, notice: (message: string) => void, options: { restoring?: boolean } = {}): void {
  const resolved = path.resolve(target);
  const file = journalFor(resolved);
  if (fs.existsSync(file)) {
    let journal: RestoreJournal;
    try {
      journal = JSON.parse(fs.readFileSync(file, 'utf8')) as RestoreJournal;
      if (typeof journal.staging !== 'string') throw new Error('no staging folder named');
    } catch (error) {
      throw new InterruptedRestoreError(
        `A restore into ${resolved} was interrupted and its journal ${file} cannot be read (${(error as Error).message}). ` +
          `Look at the folders beside it (${resolved}.restoring-*, ${resolved}.before-restore-*), put the one you want at ${resolved}, delete ${file}, and start again.`,
      );
    }
    if (holdsDatabase(journal.staging)) {
      // Committed but not (fully) swapped in: finish it.
      if (fs.existsSync(resolved)) {
        const aside = journal.previous ?? `${resolved}.before-restore-${journal.since.replace(/[:.]/g, '-')}`;
        if (fs.existsSync(aside)) {
          throw new InterruptedRestoreError(
            `A restore into ${resolved} was interrupted: the restored database is in ${journal.staging}, but both ${resolved} and ${aside} exist. ` +
              `Move one of them away, then run the same command again (it finishes the restore), or delete ${file} to drop the restore.`,
          );
        }
        fs.renameSync(resolved, aside);
        journal.previous = aside;
      }
      fs.renameSync(journal.staging, resolved);
      syncDirectory(path.dirname(resolved));
      removeJournal(resolved);
      notice(
        `finished an interrupted restore of ${journal.source} into ${resolved}` +
          (journal.previous ? `; the database it replaced is kept in ${journal.previous} (delete it once you have checked the restored data)` : ''),
      );
    } else if (holdsDatabase(resolved)) {
      removeJournal(resolved); // the swap was done; only the journal's removal was missed
    } else {
      throw new InterruptedRestoreError(
        `A restore into ${resolved} was interrupted and neither ${resolved} nor the restored folder ${journal.staging} holds a database` +
          (journal.previous ? `; the previous database should be in ${journal.previous}: move it back (mv ${journal.previous} ${resolved})` : '') +
          `. Then delete ${file}, or restore again: npm run restore -- --from ${journal.source} --replace.`,
      );
    }
  }
  if (options.restoring) return; // a new restore: it removes stale staging folders itself
  const leftovers = restoreLeftovers(resolved);
  if (!holdsDatabase(resolved) && (leftovers.previous.length > 0 || leftovers.staging.length > 0)) {
    const last = leftovers.previous[leftovers.previous.length - 1];
    throw new InterruptedRestoreError(
      `${resolved} holds no database, but folders of a restore lie beside it (${[...leftovers.previous, ...leftovers.staging].join(', ')}): ` +
        `a restore was interrupted or the folder was removed. Opening it now would create a new, empty database, so nothing was opened. ` +
        (last ? `To go back to the database from before the restore: mv ${last} ${resolved}. ` : '') +
        `To restore a backup: npm run restore -- --from FILE --replace. To really start with an empty database, move those folders out of ${path.dirname(resolved)} first.`,
    );
  }
  if (leftovers.staging.length > 0) {
    notice(`${leftovers.staging.join(', ')}: left by an interrupted restore (never put in place); delete it, or let the next npm run restore do it.`);
  }
}
