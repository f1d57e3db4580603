// The PostgreSQL suite must never fall back to the embedded database silently.
if (!process.env.DATABASE_URL) {
  console.error('test:pg needs DATABASE_URL pointing at a PostgreSQL server (e.g. postgres://postgres@127.0.0.1:55432/postgres); .ci/run starts one.');
  process.exit(1);
}
