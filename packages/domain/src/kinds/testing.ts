import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Site } from '../schemas/sites.js';
import { checkKindRules, presentationOf, type SiteKindDefinition } from './site-kind.js';

export { indicatorFixture, indicatorFixtures, type IndicatorFixtureKey } from '../outcomes/testing.js';

/*
 * The tests every site kind passes, written once (`@sitenet/domain/testing`; vitest only, never
 * imported by product code). A kind's own spec calls `describeKindConformance` with attributes
 * that fill in every field and the values its fields must refuse, and keeps only what is
 * particular to the kind (defaults, its rules, its help texts); `packages/kinds/all` runs
 * `describeKindStructure` on every installed kind.
 */

const HAN = /[\u4e00-\u9fff]/;
const NOT_AN_OPTION = 'not-an-option';

/** Parsing and rule helpers for a kind's tests. */
export function kindTester(kind: SiteKindDefinition) {
  const parse = (value: unknown) => kind.attributes.safeParse(value);
  return {
    parse,
    /** The rules' findings on attributes that pass the schema. */
    ruleIssues: (value: unknown) => checkKindRules(kind, kind.attributes.parse(value)),
    /** Expects the attributes to break exactly one rule, blamed on `path`, saying `zh` (a part of it) and `en` (matched) to the person. */
    expectOnlyRuleBroken: (value: unknown, rule: string, path: string, zh: string, en: RegExp): void => {
      const issues = checkKindRules(kind, kind.attributes.parse(value));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ rule, path: [path] });
      expect(issues[0].messages['zh-CN']).toContain(zh);
      expect(issues[0].messages.en).toMatch(en);
    },
    /** The paths at which the schema refuses the attributes (fails the test when it accepts them). */
    refusedPaths: (value: unknown): string[] => {
      const result = parse(value);
      expect(result.success).toBe(false);
      return result.error!.issues.map((issue) => issue.path.join('.'));
    },
  };
}

export interface KindConformance {
  /** Attributes with every field given (optional ones too), which pass the schema and every rule unchanged. */
  filledIn: Record<string, unknown>;
  /** Values out of range or of the wrong type, each to be refused at its own field. */
  refused: readonly (readonly [field: string, value: unknown])[];
}

/**
 * What the schema of every kind does: keeps a filled-in set as it is, requires what is neither
 * optional nor defaulted, refuses unknown fields, values outside a choice and a choice made twice,
 * and the kind's own out-of-range values, each at its field.
 */
export function describeKindConformance(kind: SiteKindDefinition, { filledIn, refused }: KindConformance): void {
  const { parse, ruleIssues, refusedPaths } = kindTester(kind);
  const fields = fieldsOf(kind);
  const required = fields.filter(([, field]) => !field.safeParse(undefined).success).map(([key]) => key);
  const single = fields.filter(([, field]) => choicesOf(field)?.multiple === false).map(([key]) => key);
  const multiple = fields.flatMap(([key, field]) => (choicesOf(field)?.multiple ? [[key, choicesOf(field)!.values[0]] as const] : []));

  describe(`${kind.code}: what every kind does`, () => {
    it('keeps attributes with every field filled in as they are, and finds no rule broken', () => {
      expect(Object.keys(filledIn).sort()).toEqual(fields.map(([key]) => key).sort());
      const result = parse(filledIn);
      expect(result.error?.issues).toBeUndefined();
      expect(result.data).toEqual(filledIn);
      expect(ruleIssues(filledIn)).toEqual([]);
    });

    it('refuses fields it does not know', () => {
      expect(parse({ ...filledIn, notAField: 3 }).error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['notAField'] }]);
    });

    it.each(required)('requires %s', (key) => {
      const { [key]: _left, ...without } = filledIn;
      expect(refusedPaths(without)).toEqual([key]);
    });

    it.each(refused)('refuses %s = %j', (field, value) => {
      expect(refusedPaths({ ...filledIn, [field]: value })).toEqual([field]);
    });

    it.each(single)('refuses a %s that is not one of its options', (key) => {
      expect(refusedPaths({ ...filledIn, [key]: NOT_AN_OPTION })).toEqual([key]);
    });

    it.each(multiple)('refuses, in %s, a value that is not an option and one chosen twice', (key, option) => {
      expect(refusedPaths({ ...filledIn, [key]: [option, NOT_AN_OPTION] })).toEqual([`${key}.1`]);
      expect(refusedPaths({ ...filledIn, [key]: [option, option] })).toEqual([key]);
    });
  });
}

/** How every kind presents itself: labels and options in both languages, units, a few list columns, the published JSON schema. */
export function describeKindStructure(kind: SiteKindDefinition): void {
  const fields = fieldsOf(kind);
  describe(`${kind.code}: how every kind presents itself`, () => {
    it.each(fields.map(([key]) => key))('%s has a Chinese and an English label', (key) => {
      const presentation = presentationOf(kind.attributes.shape[key] as z.ZodType);
      expect(presentation?.label['zh-CN']).toMatch(HAN);
      expect(presentation?.label.en).toMatch(/^[A-Z]/);
    });

    it('labels every option of every choice field, in both languages', () => {
      for (const [key, field] of fields) {
        const values = choicesOf(field)?.values ?? [];
        const options = presentationOf(field)?.options ?? {};
        expect(Object.keys(options).sort(), key).toEqual([...values].sort());
        for (const value of values) {
          expect(options[value]['zh-CN'], `${key}.${value}`).toMatch(HAN);
          expect(options[value].en, `${key}.${value}`).toMatch(/^[A-Z]/);
        }
      }
    });

    it('gives every count a unit and every metric help saying what counts', () => {
      for (const [key, field] of fields) {
        if (!(baseOf(field) instanceof z.ZodNumber)) continue;
        const presentation = presentationOf(field);
        expect(presentation?.unit?.['zh-CN'], key).toBeTruthy();
        expect(presentation?.unit?.en, key).toBeTruthy();
        if (kind.metrics.includes(key)) expect(presentation?.help?.['zh-CN'], key).toMatch(HAN);
      }
    });

    it('keeps the list to a few columns', () => {
      expect(kind.listColumns?.length).toBeGreaterThan(0);
      expect(kind.listColumns!.length).toBeLessThanOrEqual(4);
    });

    it('publishes a JSON schema in which every field carries its presentation', () => {
      const schema = z.toJSONSchema(kind.attributes, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as {
        properties: Record<string, { 'x-presentation'?: { label: { 'zh-CN': string; en: string } } }>;
        additionalProperties: unknown;
      };
      expect(schema.additionalProperties).toBe(false);
      expect(Object.keys(schema.properties)).toEqual(fields.map(([key]) => key));
      for (const [key, property] of Object.entries(schema.properties)) expect(property['x-presentation']?.label['zh-CN'], key).toMatch(HAN);
    });
  });
}

const fieldsOf = (kind: SiteKindDefinition): [string, z.ZodType][] => Object.entries<z.ZodType>(kind.attributes.shape);

function baseOf(schema: z.ZodType): z.ZodType {
  let current = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodDefault) current = current.unwrap() as z.ZodType;
  return current;
}

/** The options of a choice field (an enum) or of a multi-select (an array of an enum); undefined otherwise. */
function choicesOf(schema: z.ZodType): { values: string[]; multiple: boolean } | undefined {
  const base = baseOf(schema);
  const element = base instanceof z.ZodArray ? (base.element as z.ZodType) : base;
  return element instanceof z.ZodEnum ? { values: element.options as string[], multiple: base instanceof z.ZodArray } : undefined;
}

/**
 * A published site of the kind as the API returns it (tests of what reads sites: spreadsheets,
 * lists): its valid example attributes with defaults filled in, unless `attributes` is given.
 */
export function siteOfKind(kind: SiteKindDefinition, overrides: Partial<Site> = {}): Site {
  return {
    id: '0b6f3c2e-5a1d-4c8e-9f70-1d2e3f405162',
    kind: kind.code,
    name: '示例网点',
    regionCode: '220102',
    address: '人民大街 1 号',
    location: { lat: 43.88, lng: 125.32 },
    locationSource: 'wgs84',
    operator: { name: '示例运营单位', creditCode: '91350100M000100Y43' },
    contact: { person: '李某', phone: '13800000000' },
    openedOn: null,
    barrierFree: [],
    countyCode: '220102',
    attributes: kind.attributes.parse(kind.examples.valid),
    status: 'approved',
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    createdBy: null,
    updatedBy: null,
    submittedBy: null,
    approvedAt: '2026-01-02T00:00:00.000Z',
    pendingChange: null,
    ...overrides,
  };
}
