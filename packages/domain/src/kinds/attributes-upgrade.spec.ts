import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { upgradeAttributes } from './attributes-upgrade.js';
import { attributesVersionProblems, defineSiteKind, fieldMeta, SiteKindDefinitionError, type SiteKindDefinition } from './site-kind.js';

/** Version 3 of a kind whose distance went from kilometres (v1) to metres (v2), then gained a default switch (v3). */
function kindAtVersion3(overrides: Pick<Partial<SiteKindDefinition>, 'migrateAttributes'> = {}): SiteKindDefinition {
  return defineSiteKind({
    code: 'test-kind',
    labels: { 'zh-CN': '测试类型', en: 'Test kind' },
    description: { 'zh-CN': '测试', en: 'Test' },
    attributes: z.strictObject({
      distanceMetres: fieldMeta(z.number().int().min(0).max(100_000), { label: { 'zh-CN': '距离', en: 'Distance' }, unit: { 'zh-CN': '米', en: 'm' } }),
      shuttle: fieldMeta(z.boolean().default(false), { label: { 'zh-CN': '班车', en: 'Shuttle' } }),
    }),
    attributesVersion: 3,
    migrateAttributes: {
      1: ({ distanceKm, ...rest }) => ({ ...rest, distanceMetres: Math.round(Number(distanceKm) * 1000) }),
      2: (attributes) => attributes,
    },
    metrics: [],
    examples: { valid: { distanceMetres: 1200 }, invalid: {} },
    marker: { symbol: 'circle', color: '#000000' },
    ...overrides,
  });
}

describe('upgradeAttributes', () => {
  const kind = kindAtVersion3();

  it('runs every step from the stored version, then parses with the current schema (defaults filled in)', () => {
    expect(upgradeAttributes(kind, { distanceKm: 1.25 }, 1)).toEqual({ ok: true, attributes: { distanceMetres: 1250, shuttle: false }, version: 3 });
    expect(upgradeAttributes(kind, { distanceMetres: 40, shuttle: true }, 2)).toEqual({ ok: true, attributes: { distanceMetres: 40, shuttle: true }, version: 3 });
  });

  it('says why a result is refused: the schema issue, a step that throws, a version out of range', () => {
    const refused = upgradeAttributes(kind, { distanceKm: 500 }, 1);
    expect(refused).toEqual({ ok: false, problem: expect.stringMatching(/^the result does not pass the version 3 schema \(distanceMetres: /) });
    const throwing = kindAtVersion3({ migrateAttributes: { 1: () => { throw new Error('no distance'); }, 2: (a) => a } });
    expect(upgradeAttributes(throwing, {}, 1)).toEqual({ ok: false, problem: 'the step from version 1 failed: no distance' });
    expect(upgradeAttributes(kind, {}, 4)).toMatchObject({ ok: false, problem: expect.stringContaining('stored version 4') });
    expect(upgradeAttributes(kind, {}, 0)).toMatchObject({ ok: false });
  });

  it('gives each step a copy: a step that changes its input leaves the stored value alone', () => {
    const mutating = kindAtVersion3({
      migrateAttributes: {
        1: (a) => {
          const copy = a as Record<string, unknown>;
          copy.distanceMetres = Number(copy.distanceKm) * 1000;
          delete copy.distanceKm;
          return copy;
        },
        2: (a) => a,
      },
    });
    const stored = { distanceKm: 2 };
    expect(upgradeAttributes(mutating, stored, 1)).toMatchObject({ ok: true, attributes: { distanceMetres: 2000 } });
    expect(stored).toEqual({ distanceKm: 2 });
  });
});

describe('a kind’s attributes version', () => {
  it('needs a step from every earlier version and no other', () => {
    expect(attributesVersionProblems({ attributesVersion: 1 })).toEqual([]);
    expect(attributesVersionProblems({ attributesVersion: 3, migrateAttributes: { 1: (a) => a } })).toEqual(['migrateAttributes has no step from version 2 to 3']);
    expect(attributesVersionProblems({ attributesVersion: 2, migrateAttributes: { 1: (a) => a, 2: (a) => a } })).toEqual(['migrateAttributes step 2 is not a version before 2']);
    expect(attributesVersionProblems({ attributesVersion: 0 })).toEqual(['attributesVersion must be a whole number from 1 (is 0)']);
    expect(attributesVersionProblems({ attributesVersion: 1.5 })).toHaveLength(1);
  });

  it('is checked when the kind is defined', () => {
    expect(() => kindAtVersion3({ migrateAttributes: { 1: (a) => a } })).toThrow(SiteKindDefinitionError);
    expect(() => kindAtVersion3({ migrateAttributes: { 1: (a) => a } })).toThrow('site kind test-kind: migrateAttributes has no step from version 2 to 3');
  });
});
