import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Site } from '@sitenet/domain';
import { KindAttributesUpgradeError, upgradeKindAttributes } from '../src/database/kind-attributes-upgrade.js';
import { commuteV1, commuteV2 } from './factories/commute-kind.js';
import { internshipBase, internshipBaseInput } from './factories/sites.js';
import { startTestApp, useTestApp, type SignedIn, type TestApp } from './support/test-app.js';

/**
 * The API runs a kind's attribute migration at start, after the schema migrations (prepare.ts →
 * upgradeKindAttributes; src/database/kind-attributes-start.spec.ts starts it that way): these
 * tests call that function on the database an application at version 1 wrote, as the next start
 * would.
 */

interface Row {
  id: string;
  attributes: Record<string, unknown>;
  attributes_version: number;
  pending_change: { fields: { attributes: Record<string, unknown> } } | null;
  version: number;
  updated_at: Date;
}

const silent = () => {};
const t = useTestApp({}, { kinds: [commuteV1, internshipBase] });
let staff: SignedIn;
const distancesKm = [0.25, 1.5, 2, 3.125, 12];
let ids: string[];

const rows = async (): Promise<Row[]> =>
  t.dataSource.query(`SELECT "id", "attributes", "attributes_version", "pending_change", "version", "updated_at" FROM "site" WHERE "kind" = 'commute-base' ORDER BY "id"`);

/** The commute sites back at version 1, as the application wrote them (each test starts from there). */
async function resetToVersion1(): Promise<void> {
  for (const [i, id] of ids.entries()) {
    await t.dataSource.query(`UPDATE "site" SET "attributes" = $2, "attributes_version" = 1, "pending_change" = NULL WHERE "id" = $1`, [id, { stopDistanceKm: distancesKm[i], shuttle: i === 0 }]);
  }
  // a change waiting for review carries attributes of the same version
  await t.dataSource.query(`UPDATE "site" SET "pending_change" = $2 WHERE "id" = $1`, [ids[1], { status: 'submitted', fields: { name: 'x', attributes: { stopDistanceKm: 4, shuttle: true } } }]);
}

beforeAll(async () => {
  staff = await t.signIn({ role: 'district', regionCode: '220102' });
  const created: Site[] = [];
  for (const km of distancesKm) {
    created.push((await staff.http.post('/api/sites').send(internshipBaseInput({ kind: 'commute-base', attributes: { stopDistanceKm: km } })).expect(201)).body as Site);
  }
  ids = created.map((site) => site.id);
});
describe('a kind whose fields changed (attributes version 1 → 2)', () => {
  it('stores the version with every site the API writes', async () => {
    const stored = await rows();
    expect(stored.map((row) => row.attributes_version)).toEqual([1, 1, 1, 1, 1]);
    expect(stored.map((row) => row.attributes.stopDistanceKm).sort((a, b) => Number(a) - Number(b))).toEqual(distancesKm);
  });

  it('upgrades every stored site at start: the step run once, the result parsed by the new schema, the version stored', async () => {
    await resetToVersion1();
    const before = await rows();
    const lines: string[] = [];
    const outcome = await upgradeKindAttributes(t.dataSource, [commuteV2(), internshipBase], { log: (line) => lines.push(line) });
    expect(outcome).toEqual([{ kind: 'commute-base', version: 2, rows: 5 }]);
    const after = await rows();
    for (const [i, row] of after.entries()) {
      const km = before[i].attributes.stopDistanceKm as number;
      expect(row.attributes).toEqual({ stopDistanceMetres: Math.round(km * 1000), shuttle: before[i].attributes.shuttle });
      expect(row.attributes_version).toBe(2);
      // the content a user sees is the same: no new site version, no new change time
      expect(row.version).toBe(before[i].version);
      expect(row.updated_at).toEqual(before[i].updated_at);
    }
    const pending = after.find((row) => row.id === ids[1])!.pending_change!;
    expect(pending.fields).toEqual({ name: 'x', attributes: { stopDistanceMetres: 4000, shuttle: true } });
    expect(lines).toEqual([expect.stringMatching(/^sitenet: site kind commute-base: the attributes of 5 sites upgraded to version 2 in /)]);

    // running again is a no-op: nothing below the version, nothing written
    expect(await upgradeKindAttributes(t.dataSource, [commuteV2(), internshipBase], { log: silent })).toEqual([]);
    expect(await rows()).toEqual(after);
  });

  it('refuses a step whose result the new schema refuses, naming kind, site and version, and writes nothing', async () => {
    await resetToVersion1();
    const before = await rows();
    // a wrong unit (× 10,000): only the 12 km site ends up beyond the 50,000 m bound
    const wrong = commuteV2(({ stopDistanceKm, ...rest }) => ({ ...rest, stopDistanceMetres: Number(stopDistanceKm) * 10_000 }));
    const run = upgradeKindAttributes(t.dataSource, [wrong, internshipBase], { log: silent, batchSize: 2 });
    await expect(run).rejects.toBeInstanceOf(KindAttributesUpgradeError);
    const message = await run.catch((error: Error) => error.message);
    const failing = before.find((row) => row.attributes.stopDistanceKm === 12)!;
    expect(message).toContain('site kind commute-base to version 2');
    expect(message).toContain(`of site ${failing.id} (stored at version 1)`);
    expect(message).toMatch(/does not pass the version 2 schema \(stopDistanceMetres: /);
    expect(message).toContain('Nothing was written.');
    expect(await rows()).toEqual(before);
  });

  it('refuses a pending change whose attributes do not upgrade, before writing any site', async () => {
    await resetToVersion1();
    await t.dataSource.query(`UPDATE "site" SET "pending_change" = $2 WHERE "id" = $1`, [ids[2], { status: 'submitted', fields: { attributes: { stopDistanceKm: 49 } } }]);
    const before = await rows();
    const strict = commuteV2(({ stopDistanceKm, ...rest }) => ({ ...rest, stopDistanceMetres: Number(stopDistanceKm) * 1000 + (Number(stopDistanceKm) > 40 ? 10_000 : 0) }));
    await expect(upgradeKindAttributes(t.dataSource, [strict, internshipBase], { log: silent })).rejects.toThrow(`the pending change’s attributes of site ${ids[2]} (stored at version 1)`);
    expect(await rows()).toEqual(before);
  });

  it('continues after a kill between batches: committed batches stay upgraded, the rest follow, no step runs twice', async () => {
    await resetToVersion1();
    const before = await rows();
    const killed = upgradeKindAttributes(t.dataSource, [commuteV2(), internshipBase], {
      log: silent,
      batchSize: 2,
      afterBatch: () => {
        throw new Error('killed');
      },
    });
    await expect(killed).rejects.toThrow('killed');
    expect((await rows()).map((row) => row.attributes_version).sort()).toEqual([1, 1, 1, 2, 2]);

    expect(await upgradeKindAttributes(t.dataSource, [commuteV2(), internshipBase], { log: silent, batchSize: 2 })).toEqual([{ kind: 'commute-base', version: 2, rows: 3 }]);
    const after = await rows();
    // metres = km × 1000 exactly once (twice would have found no stopDistanceKm and failed)
    expect(after.map((row) => row.attributes.stopDistanceMetres)).toEqual(before.map((row) => Math.round((row.attributes.stopDistanceKm as number) * 1000)));
    expect(after.every((row) => row.attributes_version === 2)).toBe(true);
  });

  it('leaves the sites of a kind that is not installed alone, and says so', async () => {
    await resetToVersion1();
    const before = await rows();
    const lines: string[] = [];
    expect(await upgradeKindAttributes(t.dataSource, [internshipBase], { log: (line) => lines.push(line) })).toEqual([]);
    expect(lines).toEqual([expect.stringMatching(/^sitenet: site kind commute-base is not installed: its 5 sites are left as they are \(attributes version 1\)/)]);
    expect(await rows()).toEqual(before);
  });

  it('leaves attributes a newer version wrote alone, and says so', async () => {
    await resetToVersion1();
    await t.dataSource.query(`UPDATE "site" SET "attributes_version" = 3 WHERE "id" = $1`, [ids[0]]);
    const lines: string[] = [];
    expect(await upgradeKindAttributes(t.dataSource, [commuteV2(), internshipBase], { log: (line) => lines.push(line) })).toEqual([{ kind: 'commute-base', version: 2, rows: 4 }]);
    expect(lines[0]).toMatch(/^sitenet: site kind commute-base: 1 sites have attributes of a version newer than this release's 2/);
    expect((await rows()).find((row) => row.id === ids[0])).toMatchObject({ attributes_version: 3, attributes: { stopDistanceKm: 0.25 } });
  });
});

describe('an application running a kind at version 2', () => {
  let t2: TestApp;
  beforeAll(async () => {
    t2 = await startTestApp({}, { kinds: [commuteV2()] });
  });
  afterAll(async () => {
    await t2?.close();
  });

  it('stores version 2 with a new site and with an edit of its attributes', async () => {
    const district = await t2.signIn({ role: 'district', regionCode: '220102' });
    const site = (await district.http.post('/api/sites').send(internshipBaseInput({ kind: 'commute-base', attributes: { stopDistanceMetres: 800 } })).expect(201)).body as Site;
    const versionOf = async () => (await t2.dataSource.query<{ attributes_version: number }[]>(`SELECT "attributes_version" FROM "site" WHERE "id" = $1`, [site.id]))[0].attributes_version;
    expect(await versionOf()).toBe(2);
    // a row left at version 1 (say, written by an older release during a rolling update) is stamped again by an edit
    await t2.dataSource.query(`UPDATE "site" SET "attributes_version" = 1 WHERE "id" = $1`, [site.id]);
    await district.http.patch(`/api/sites/${site.id}`).send({ version: site.version, attributes: { stopDistanceMetres: 900 } }).expect(200);
    expect(await versionOf()).toBe(2);
  });
});
