import path from 'node:path';
import { describe, it } from 'vitest';
import { startApi } from '../support/api-process.js';
import { killMidCommit } from '../support/import-kill.js';
import { useScratchDir } from '../support/scratch-dir.js';

/**
 * Design §10 "Reliability" on the embedded database: the API killed (SIGKILL) while it commits a
 * 20,000-row import (after its third 2,500-row statement) leaves no site of it; the restarted API
 * marks the job interrupted, a second commit writes all 20,000 sites once, and the same file
 * uploaded again matches every row as unchanged.
 */
describe('an import commit killed half-way (embedded database)', () => {
  const scratch = useScratchDir('sitenet-import-kill-');

  it('writes nothing of the cut-off commit, then every row once', async () => {
    const dataDir = path.join(scratch(), 'data');
    // PGlite: one process owns the folder, so a start marks every committing job interrupted at once.
    await killMidCommit(() => startApi(dataDir, { LOG_LEVEL: 'info' }), { rows: 20_000, recoveryMs: 10_000 });
  }, 1_200_000);
});
