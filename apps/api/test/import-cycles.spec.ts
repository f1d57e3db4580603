import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useScratchDir } from './support/scratch-dir.js';

// Issue 9: the API's feature folders imported each other around 34 loops, tolerated by a list of
// known cycles. The loops are gone and so is the list: `npm run cycles` (scripts/check-cycles.mjs,
// part of `npm run lint`) must fail on any new one. Checked here on a scratch tree with the
// repository's own dependency-cruiser configuration.
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const script = path.join(repo, 'scripts/check-cycles.mjs');

describe('the import cycle check', () => {
  const scratch = useScratchDir('sitenet-cycles-');
  let trees = 0;

  async function tree(files: Record<string, string>): Promise<string> {
    const root = path.join(scratch(), `tree-${++trees}`);
    await mkdir(root, { recursive: true });
    await copyFile(path.join(repo, '.dependency-cruiser.cjs'), path.join(root, '.dependency-cruiser.cjs'));
    await writeFile(path.join(root, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } }));
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), text);
    }
    return root;
  }

  function check(root: string) {
    const run = spawnSync(process.execPath, [script, root, 'apps/api/src'], { encoding: 'utf8' });
    return { status: run.status, errors: run.stderr.split('\n').filter((line) => line.startsWith('error ')) };
  }

  it('fails on two API modules importing each other through different files', async () => {
    const root = await tree({
      'apps/api/src/alpha/a.ts': "import { b } from '../beta/b.js';\nexport const a = b;\n",
      'apps/api/src/alpha/d.ts': 'export const d = 1;\n',
      'apps/api/src/beta/b.ts': 'export const b = 1;\n',
      'apps/api/src/beta/c.ts': "import { d } from '../alpha/d.js';\nexport const c = d;\n",
    });
    expect(check(root)).toEqual({ status: 1, errors: ['error no-api-module-cycles: apps/api/src/alpha → apps/api/src/beta'] });
  });

  it('fails on a cycle between files, type-only imports included', async () => {
    const root = await tree({
      'apps/api/src/alpha/a.ts': "import type { B } from './b.js';\nexport interface A { b?: B }\n",
      'apps/api/src/alpha/b.ts': "import type { A } from './a.js';\nexport interface B { a?: A }\n",
    });
    const { status, errors } = check(root);
    expect(status).toBe(1);
    expect(errors).toEqual([expect.stringMatching(/^error no-file-cycles: apps\/api\/src\/alpha\/a\.ts → apps\/api\/src\/alpha\/b\.ts$/)]);
  });

  it('passes modules whose imports go one way', async () => {
    const root = await tree({
      'apps/api/src/alpha/a.ts': "import { b } from '../beta/b.js';\nexport const a = b;\n",
      'apps/api/src/alpha/d.ts': "import { c } from '../beta/c.js';\nexport const d = c;\n",
      'apps/api/src/beta/b.ts': 'export const b = 1;\n',
      'apps/api/src/beta/c.ts': "import { b } from './b.js';\nexport const c = b;\n",
    });
    expect(check(root)).toEqual({ status: 0, errors: [] });
  });
});
