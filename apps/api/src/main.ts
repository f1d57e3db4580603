import 'reflect-metadata';
import { ConfigError, describeDatabase, loadConfig } from './config/config.js';
import { prepareDatabase } from './database/prepare.js';
import { createApp } from './create-app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  console.log(`sitenet: opening ${describeDatabase(config)} …`);
  const { dataSource, seeds } = await prepareDatabase(config);
  for (const seed of seeds) {
    console.log(
      seed.skipped
        ? `sitenet: seed ${seed.name} unchanged, skipped (${seed.milliseconds.toFixed(0)} ms)`
        : `sitenet: seed ${seed.name}: ${seed.rows} rows loaded in ${(seed.milliseconds / 1000).toFixed(2)} s`,
    );
  }
  const app = await createApp(config, dataSource);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  console.log(`sitenet: listening on ${url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost')} (API under /api, docs at /api/docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`sitenet: ${error.message}`);
  } else {
    console.error('sitenet: failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
