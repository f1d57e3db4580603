import { describe, expect, it } from 'vitest';
import { ConfigError, describeDatabase, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database under ./data, port 3000, demo data on', () => {
    const config = loadConfig({});
    expect(config.database).toEqual({ kind: 'pglite', dataDir: expect.stringMatching(/data[/\\]pglite$/) });
    expect(config.port).toBe(3000);
    expect(config.production).toBe(false);
    expect(config.seedDemo).toBe(true);
  });

  it('uses the PostgreSQL server of DATABASE_URL, without demo data unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app:secret@db.internal:5432/sitenet' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://app:secret@db.internal:5432/sitenet' });
    expect(config.seedDemo).toBe(false);
    expect(config.host).toBe('0.0.0.0');
    expect(loadConfig({ DATABASE_URL: 'postgres://app:secret@db:5432/x', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('listens on loopback only while demo accounts (with their public password) exist, unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ SEED_DEMO: 'false' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('reads TRUST_PROXY as a hop count, a boolean or addresses', () => {
    // Issue 8: trusting loopback by default let clients on the same host rotate X-Forwarded-For.
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 172.16.0.0/12' }).trustProxy).toBe('10.0.0.0/8, 172.16.0.0/12');
  });

  it('fails fast, naming the variable, on a DATABASE_URL that is not a PostgreSQL URL', () => {
    for (const bad of ['mysql://x@y/z', 'not a url', 'postgres://']) {
      expect(() => loadConfig({ DATABASE_URL: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ DATABASE_URL: bad })).toThrow(/DATABASE_URL/);
    }
  });

  it('refuses a bad PORT and an unknown NODE_ENV', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('never seeds demo data in production, and refuses to be told to', () => {
    const server = 'postgres://app:secret@db:5432/sitenet';
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: server }).seedDemo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: server, SEED_DEMO: 'true' })).toThrow(ConfigError);
  });

  it('refuses production on the embedded database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
  });

  it('masks the password when describing the database for the log', () => {
    const text = describeDatabase(loadConfig({ DATABASE_URL: 'postgres://app:s3cret@db:5432/sitenet' }));
    expect(text).not.toContain('s3cret');
    expect(text).toContain('db:5432');
  });
});
