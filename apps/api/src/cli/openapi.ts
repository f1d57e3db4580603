import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../config/config.js';
import { openDataSource } from '../database/data-source.js';
import { createApp } from '../create-app.js';
import { buildOpenApiDocument } from '../openapi/openapi.js';

/** Writes apps/api/openapi.json, the committed API document (a test fails when it is stale). */
export const OPENAPI_FILE = fileURLToPath(new URL('../../openapi.json', import.meta.url));

export function serializeOpenApi(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

async function main() {
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORTAL_DIST: '/nonexistent' }), database: { kind: 'pglite' as const, dataDir: undefined } };
  const dataSource = await openDataSource(config);
  await dataSource.runMigrations();
  const app = await createApp(config, dataSource);
  await app.init();
  await writeFile(OPENAPI_FILE, serializeOpenApi(buildOpenApiDocument(app)));
  await app.close();
  console.log(`wrote ${OPENAPI_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
