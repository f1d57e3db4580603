import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The API's configuration, read once from the environment and validated at start: a wrong
 * value stops the process with a message that names the variable and what to do.
 */
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/sitenet');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Default: 127.0.0.1 while demo accounts exist (their password is public), 0.0.0.0 otherwise. */
  HOST: z.string().min(1).optional(),
  /**
   * Which proxies in front of the API to trust for the client address (X-Forwarded-For), as
   * Express takes it: `false` (default: no proxy, the connection's address is the client's), a
   * hop count, or addresses/CIDRs separated by commas (e.g. the compose bridge or the ingress
   * network). Sign-in limits per address depend on it. Not `loopback` by default: any process on
   * the same host could then pick its own address by rotating X-Forwarded-For.
   */
  TRUST_PROXY: z.string().trim().min(1).max(500).default('false'),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), postgresUrl.optional()),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Served only over HTTPS (directly or behind a TLS proxy): browsers are told to upgrade every
   * request to https (CSP upgrade-insecure-requests) and to remember it (HSTS). Off by default, as
   * an intranet served over plain http would otherwise load a blank portal.
   */
  HTTPS_ONLY: z.enum(['true', 'false']).default('false'),
  /** Where the built portal lives; served under / when present. */
  PORTAL_DIST: z.string().min(1).optional(),
  /** Seed the fictional demo data (never in production). Defaults to on outside production. */
  SEED_DEMO: z.enum(['true', 'false']).optional(),
  /** How long a sign-in lasts, in minutes (default a working day). */
  SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(480),
  /** The repository's seeds/ folder (divisions, targets, demo data). */
  SEEDS_DIR: z.string().min(1).optional(),
});

/** apps/api/{src,dist}/config → the repository root's seeds/. */
const defaultSeedsDir = fileURLToPath(new URL('../../../../seeds', import.meta.url));

export type Environment = z.infer<typeof environmentSchema>;

export interface AppConfig {
  env: Environment['NODE_ENV'];
  production: boolean;
  port: number;
  host: string;
  trustProxy: boolean | number | string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string | undefined };
  dataDir: string;
  logLevel: Environment['LOG_LEVEL'];
  portalDist: string | undefined;
  httpsOnly: boolean;
  seedDemo: boolean;
  seedsDir: string;
  sessionTtlMinutes: number;
}

export class ConfigError extends Error {}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = path.resolve(env.DATA_DIR);
  const production = env.NODE_ENV === 'production';
  if (production && !env.DATABASE_URL) {
    throw new ConfigError('NODE_ENV=production needs DATABASE_URL (a PostgreSQL server): the embedded database is for trials and development only.');
  }
  if (production && env.SEED_DEMO === 'true') {
    throw new ConfigError('SEED_DEMO=true is not allowed with NODE_ENV=production: demo data never reaches production.');
  }
  // Demo data (and its demo accounts) only on the embedded database outside production, unless asked.
  const seedDemo = production ? false : env.SEED_DEMO ? env.SEED_DEMO === 'true' : !env.DATABASE_URL;
  return {
    env: env.NODE_ENV,
    production,
    port: env.PORT,
    host: env.HOST ?? (seedDemo ? '127.0.0.1' : '0.0.0.0'),
    trustProxy: /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY === 'false' ? false : env.TRUST_PROXY,
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    logLevel: env.LOG_LEVEL,
    portalDist: env.PORTAL_DIST,
    httpsOnly: env.HTTPS_ONLY === 'true',
    seedDemo,
    seedsDir: env.SEEDS_DIR ? path.resolve(env.SEEDS_DIR) : defaultSeedsDir,
    sessionTtlMinutes: env.SESSION_TTL_MINUTES,
  };
}

/** The database URL with its password masked, for logs. */
export function describeDatabase(config: AppConfig): string {
  if (config.database.kind === 'pglite') return `embedded PGlite at ${config.database.dataDir ?? '(memory)'}`;
  const url = new URL(config.database.url);
  if (url.password) url.password = '***';
  return `PostgreSQL at ${url.toString()}`;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
