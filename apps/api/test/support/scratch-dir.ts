import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * A fresh folder in the system's temporary folder for the tests of the enclosing describe block,
 * made before them and removed with everything in it after them. Call it inside the block; the
 * function it returns gives the folder's path once the tests run.
 */
export function useScratchDir(prefix: string): () => string {
  let dir: string | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('the scratch folder is made in beforeAll: use it inside a test or a later hook');
    return dir;
  };
}
