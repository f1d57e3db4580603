import type { SiteKindDefinition } from './site-kind.js';

/** Stored attributes brought to the kind's current version, or why they cannot be. */
export type AttributesUpgrade =
  | { ok: true; attributes: Record<string, unknown>; version: number }
  | { ok: false; problem: string };

/**
 * Brings attributes stored at `fromVersion` up to the kind's `attributesVersion`: runs its
 * migration steps in order (each on a copy, so a step that mutates its input changes nothing
 * else), then parses the result with the kind's current schema, which also fills in defaults.
 * The cross-field rules are not checked: they judge what a user submits, and a stored site may
 * predate a rule; the schema is what every reader of stored attributes relies on.
 */
export function upgradeAttributes(kind: SiteKindDefinition, attributes: unknown, fromVersion: number): AttributesUpgrade {
  const target = kind.attributesVersion;
  if (!Number.isInteger(fromVersion) || fromVersion < 1 || fromVersion > target) {
    return { ok: false, problem: `stored version ${fromVersion} is not one from 1 to the kind's version ${target}` };
  }
  let current: unknown = attributes;
  for (let version = fromVersion; version < target; version++) {
    const step = kind.migrateAttributes?.[version];
    if (!step) return { ok: false, problem: `no migration step from version ${version}` };
    if (!isPlainObject(current)) return { ok: false, problem: `the attributes before the step from version ${version} are not an object` };
    try {
      current = step(structuredClone(current));
    } catch (error) {
      return { ok: false, problem: `the step from version ${version} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const parsed = kind.attributes.safeParse(current);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(attributes)'}: ${issue.message}`);
    return { ok: false, problem: `the result does not pass the version ${target} schema (${issues.join('; ')})` };
  }
  return { ok: true, attributes: parsed.data, version: target };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
