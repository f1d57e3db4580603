import 'reflect-metadata';
import { ConfigError, describeDatabase, loadConfig } from './config/config.js';
import { describeListenAddress } from './config/listen-address.js';
import { prepareDatabase } from './database/prepare.js';
import { createApp } from './create-app.js';
import { seedApplicationData } from './seeding/reference-data.js';

async function main(): Promise<void> {
  const config = loadConfig();
  console.log(`sitenet: opening ${describeDatabase(config)} …`);
  const { dataSource, seeds } = await prepareDatabase(config);
  const app = await createApp(config, dataSource);
  seeds.push(...(await seedApplicationData(app, config)));
  for (const seed of seeds) {
    console.log(
      seed.skipped
        ? `sitenet: seed ${seed.name} unchanged, skipped (${seed.milliseconds.toFixed(0)} ms)`
        : `sitenet: seed ${seed.name}: ${seed.rows} rows loaded in ${(seed.milliseconds / 1000).toFixed(2)} s`,
    );
  }
  await app.listen(config.port, config.host);
  const server = app.getHttpServer();
  stopGracefullyOn(['SIGTERM', 'SIGINT'], async () => {
    // Requests in flight get a few seconds to finish; then connections a client keeps open are cut.
    const cut = setTimeout(() => server.closeAllConnections(), 5_000);
    cut.unref();
    await app.close(); // stops accepting, finishes requests, closes the database (PGlite flushes)
  });
  // The address actually bound, said plainly: 0.0.0.0 is every address of the machine, not localhost.
  console.log(`sitenet: listening ${describeListenAddress(server.address())} (API under /api, docs at /api/docs)`);
}

/** On a stop signal: close everything, exit 0; a stuck shutdown is cut off after 15 s with 1. */
function stopGracefullyOn(signals: NodeJS.Signals[], close: () => Promise<void>): void {
  let stopping = false;
  for (const signal of signals) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      console.log(`sitenet: ${signal} received, shutting down …`);
      const timer = setTimeout(() => {
        console.error('sitenet: shutdown took longer than 15 s; exiting');
        process.exit(1);
      }, 15_000);
      timer.unref();
      close().then(
        () => {
          console.log('sitenet: stopped');
          process.exit(0);
        },
        (error: unknown) => {
          console.error('sitenet: error while shutting down:', error instanceof Error ? error.message : error);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`sitenet: ${error.message}`);
  } else {
    console.error('sitenet: failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
