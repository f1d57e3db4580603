import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/test-app.js';

const t = useTestApp();

describe('migrations', () => {
  it('leave nothing for TypeORM to generate: the entities and the migrations agree', async () => {
    const sql = await t.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('have all run, and a second run finds nothing pending', async () => {
    expect(await t.dataSource.showMigrations()).toBe(false);
    expect(await t.dataSource.runMigrations()).toEqual([]);
  });
});
