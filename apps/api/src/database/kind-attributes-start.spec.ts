import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it, inject } from 'vitest';
import type { SiteKindDefinition } from '@sitenet/domain';
import { commuteV1, commuteV2, kmToMetres } from '../../test/factories/commute-kind.js';
import { loadConfig } from '../config/config.js';
import { pgCompatibleParsers } from './pglite-pool.js';
import { prepareDatabase } from './prepare.js';
import { KindAttributesUpgradeError } from './kind-attributes-upgrade.js';

/**
 * A start (prepareDatabase) upgrades stored kind attributes after the schema migrations, and does
 * not start when a step gives attributes the kind's schema refuses. The upgrade itself, on both
 * engines: test/kind-attributes-version.spec.ts.
 */
describe('a start with a kind whose attributes version went up', () => {
  const config = { ...loadConfig({ NODE_ENV: 'test', SEEDS_DIR: process.env.SEEDS_DIR }), database: { kind: 'pglite' as const, dataDir: undefined } };
  let db: PGlite | undefined;
  afterAll(async () => {
    if (db && !db.closed) await db.close();
  });

  it('upgrades the sites written at the old version, then refuses a step that breaks the schema', async () => {
    const template = inject('pgliteTemplate');
    if (!template) throw new Error('The PGlite template database was not built (global setup)');
    db = await PGlite.create({ loadDataDir: new Blob([await readFile(template)]), parsers: pgCompatibleParsers });
    const lines: string[] = [];
    const log = (line: string) => lines.push(line);

    const first = await prepareDatabase(config, db, { kinds: [commuteV1], log });
    const id = '00000000-0000-4000-8000-000000000001';
    await first.dataSource.query(
      `INSERT INTO "site" ("id", "kind", "name", "region_code", "province_code", "county_code", "address", "lat", "lng", "location_source", "operator_name",
        "operator_credit_code", "contact_person", "contact_phone", "attributes", "status", "version")
       VALUES ($1, 'commute-base', '测试', '220102', '220000', '220102', '测试路1号', 43.86, 125.35, 'wgs84', '测试单位', '91220100000000001X', '王测试', '13912345678', $2, 'draft', 1)`,
      [id, { stopDistanceKm: 2.5 }],
    );
    expect(lines).toEqual([]);

    const second = await prepareDatabase(config, db, { kinds: [commuteV2()], log });
    const [row] = await second.dataSource.query<{ attributes: unknown; attributes_version: number }[]>(`SELECT "attributes", "attributes_version" FROM "site" WHERE "id" = $1`, [id]);
    expect(row).toEqual({ attributes: { stopDistanceMetres: 2500, shuttle: false }, attributes_version: 2 });
    expect(lines).toEqual([expect.stringMatching(/^sitenet: site kind commute-base: the attributes of 1 sites upgraded to version 2/)]);

    const broken: SiteKindDefinition = { ...(commuteV2() as SiteKindDefinition), attributesVersion: 3, migrateAttributes: { 1: kmToMetres, 2: () => ({ stopDistanceMetres: -1 }) } };
    await expect(prepareDatabase(config, db, { kinds: [broken], log })).rejects.toThrow(KindAttributesUpgradeError);
  });
});
