import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SITE_STATUSES, toFieldIssues, type SiteStatus } from '@sitenet/domain';
import type { SiteSchemas } from '@sitenet/domain/schemas';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { SITE_SCHEMAS } from '../kinds/kinds.tokens.js';
import type { SeedOutcome } from '../seeding/region-seeder.js';
import { SeedFileError } from '../seeding/region-seeder.js';
import { SitesService, type SiteCreateInput } from './sites.service.js';

const FILE = 'demo/jilin-sites.json';
const ACTOR = 'seed:demo';

interface DemoFile {
  sites: ({ id: string; status: SiteStatus } & Record<string, unknown>)[];
}

/**
 * Loads the fictional demo sites (seeds/demo, never in production: the configuration refuses
 * it). Each site passes the same schemas as a request; a changed file is loaded again (by id).
 */
@Injectable()
export class DemoSitesSeeder {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SITE_SCHEMAS) private readonly schemas: SiteSchemas,
    private readonly sites: SitesService,
  ) {}

  async seed(): Promise<SeedOutcome> {
    const started = performance.now();
    if (this.config.production) throw new SeedFileError('Demo data is never loaded in production');
    const text = await readFile(path.join(this.config.seedsDir, FILE), 'utf8');
    const checksum = createHash('sha256').update(text).digest('hex');
    const [previous] = await this.dataSource.query(`SELECT "checksum" FROM "seed_run" WHERE "name" = $1`, [FILE]);
    if (previous?.checksum === checksum) return { name: FILE, rows: 0, skipped: true, milliseconds: performance.now() - started };
    const file = JSON.parse(text) as DemoFile;
    const prepared = file.sites.map(({ id, status, ...input }) => {
      if (!SITE_STATUSES.includes(status)) throw new SeedFileError(`${FILE}: site ${id} has unknown status ${status}`);
      const parsed = this.schemas.create.safeParse(input, { reportInput: true });
      if (!parsed.success) {
        const problems = toFieldIssues(parsed.error.issues, 'en').map((i) => `${i.path}: ${i.message}`);
        throw new SeedFileError(`${FILE}: site ${id} (${String(input.name)}) is invalid: ${problems.join('; ')}`);
      }
      return { id, status, input: parsed.data as SiteCreateInput };
    });
    for (const site of prepared) await this.sites.upsertSeeded(site.id, site.status, site.input, ACTOR);
    await this.dataSource.query(
      `INSERT INTO "seed_run" ("name", "checksum", "row_count", "applied_at") VALUES ($1, $2, $3, now())
       ON CONFLICT ("name") DO UPDATE SET "checksum" = EXCLUDED."checksum", "row_count" = EXCLUDED."row_count", "applied_at" = EXCLUDED."applied_at"`,
      [FILE, checksum, prepared.length],
    );
    return { name: FILE, rows: prepared.length, skipped: false, milliseconds: performance.now() - started };
  }
}
