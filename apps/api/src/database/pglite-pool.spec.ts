import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource } from 'typeorm';
import { PGlite } from '@electric-sql/pglite';
import { pgCompatibleParsers, pgliteDriver } from './pglite-pool.js';

let db: PGlite;
let dataSource: DataSource;

beforeAll(async () => {
  db = await PGlite.create({ parsers: pgCompatibleParsers });
  dataSource = new DataSource({ type: 'postgres', driver: pgliteDriver(db), entities: [], synchronize: false });
  await dataSource.initialize();
  await dataSource.query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
  await dataSource.query('INSERT INTO counter VALUES (1, 0), (2, 0)');
});
afterAll(async () => {
  await dataSource?.destroy();
});

describe('the PGlite pool', () => {
  it('keeps concurrent transactions apart: a rollback undoes only its own statements', async () => {
    const failing = dataSource.transaction(async (manager) => {
      await manager.query('UPDATE counter SET n = n + 100 WHERE id = 1');
      await new Promise((resolve) => setTimeout(resolve, 30));
      throw new Error('roll me back');
    });
    const succeeding = dataSource.transaction(async (manager) => {
      await manager.query('UPDATE counter SET n = n + 1 WHERE id = 2');
    });
    await expect(failing).rejects.toThrow('roll me back');
    await succeeding;
    const rows = await dataSource.query('SELECT id, n FROM counter ORDER BY id');
    expect(rows).toEqual([
      { id: 1, n: 0 },
      { id: 2, n: 1 },
    ]);
  });

  it('reports affected rows for UPDATE like node-postgres', async () => {
    const result = await dataSource.createQueryBuilder().update('counter').set({ n: 5 }).where('id IN (1, 2)').execute();
    expect(result.affected).toBe(2);
  });

  it('parses bigint and numeric as strings, as node-postgres does', async () => {
    const [row] = await dataSource.query('SELECT count(*) AS c, 1.50::numeric AS d FROM counter');
    expect(row).toEqual({ c: '2', d: '1.50' });
  });

  it('runs multi-statement text and returns the last result', async () => {
    const rows = await dataSource.query('SELECT 1 AS a; SELECT 2 AS b');
    expect(rows).toEqual([{ b: 2 }]);
  });
});
