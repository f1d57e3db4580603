import { SiteKindRegistry, checkKindRules, kindExampleProblems, toFieldIssues, type SiteKindDefinition } from '@sitenet/domain';
import { describeKindStructure } from '@sitenet/domain/testing';
import { buildSiteSchemas } from '@sitenet/domain/schemas';
import { describe, expect, it } from 'vitest';
import { installedKinds } from './index.js';

const HAN = /[\u4e00-\u9fff]/;
const REGIONS_OF_THE_TEXTS = /^(吉林|福建|上海|北京|青岛|渝北) /;

/** WCAG 2 relative luminance and contrast against white. */
function contrastOnWhite(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return 1.05 / (luminance + 0.05);
}

describe('installed kinds', () => {
  it('are the kinds of the texts, in order, with unique codes', () => {
    expect(installedKinds.map((kind) => kind.code)).toEqual([
      'incubation-base',
      'auxiliary-workshop',
      'blind-massage',
      'training-base',
      'beautiful-workshop',
      'rural-employment-base',
    ]);
    expect(new SiteKindRegistry(installedKinds).codes).toHaveLength(6);
  });

  it('are drawn with distinct symbols and colours that keep 3:1 contrast on white', () => {
    const symbols = installedKinds.map((kind) => kind.marker.symbol);
    const colours = installedKinds.map((kind) => kind.marker.color.toLowerCase());
    expect(new Set(symbols).size).toBe(installedKinds.length);
    expect(new Set(colours).size).toBe(installedKinds.length);
    for (const colour of colours) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastOnWhite(colour)).toBeGreaterThanOrEqual(3);
    }
  });

  it('checks contrast the way WCAG does', () => {
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastOnWhite('#ffeb3b')).toBeLessThan(3);
  });

  describe.each(installedKinds.map((kind) => [kind.code, kind] as const))('%s', (_code, kind) => {
    it('names itself and its clauses in the texts', () => {
      expect(kind.labels['zh-CN']).toMatch(HAN);
      expect(kind.description['zh-CN']).toMatch(HAN);
      expect(kind.description.en.length).toBeGreaterThan(20);
      expect(kind.sources?.length).toBeGreaterThan(0);
      for (const source of kind.sources ?? []) expect(source).toMatch(REGIONS_OF_THE_TEXTS);
      for (const alias of kind.aliases ?? []) expect(alias['zh-CN']).toMatch(HAN);
    });
  });

  for (const kind of installedKinds) describeKindStructure(kind);
});

/** A site request the API accepts, with a kind's attributes. */
function siteRequest(kind: string, attributes: Record<string, unknown>) {
  return {
    kind,
    name: '南关区阳光家园',
    regionCode: '220102',
    address: '长春市南关区人民大街 1 号',
    location: { lat: 43.88, lng: 125.32 },
    operator: { name: '长春市南关区残疾人联合会', creditCode: '91350100M000100Y43' },
    contact: { person: '王芳', phone: '0431-88881234' },
    attributes,
  };
}

/** Each kind's own valid example (a fresh copy). */
const minimalAttributes: Record<string, () => Record<string, unknown>> = Object.fromEntries(
  installedKinds.map((kind) => [kind.code, () => structuredClone<Record<string, unknown>>(kind.examples.valid)]),
);

describe('the examples of every installed kind', () => {
  it.each(installedKinds.map((kind) => [kind.code, kind] as const))('%s: a valid one, and one per rule that breaks that rule only', (_code, kind) => {
    expect(kindExampleProblems(kind)).toEqual([]);
    expect(Object.keys(kind.examples.invalid).sort()).toEqual((kind.rules ?? []).map((rule) => rule.id).sort());
    expect(checkKindRules(kind, kind.attributes.parse(kind.examples.valid))).toEqual([]);
    for (const [rule, example] of Object.entries(kind.examples.invalid)) {
      expect(checkKindRules(kind, kind.attributes.parse(example)).map((issue) => issue.rule), rule).toContain(rule);
    }
  });

  const workshop = installedKinds.find((kind) => kind.code === 'auxiliary-workshop')!;
  const [contracted, insured] = (workshop.rules ?? []).map((rule) => rule.id);

  it('names a kind that lacks them, and the rule an example does not break', () => {
    expect(kindExampleProblems({ ...workshop, examples: undefined } as unknown as SiteKindDefinition)).toEqual(['has no valid example']);
    const { [insured]: _dropped, ...onlyContracted } = workshop.examples.invalid;
    expect(kindExampleProblems({ ...workshop, examples: { ...workshop.examples, invalid: onlyContracted } })).toEqual([`rule ${insured} has no invalid example`]);
    const wrong = { ...workshop.examples.invalid, [contracted]: workshop.examples.valid };
    expect(kindExampleProblems({ ...workshop, examples: { ...workshop.examples, invalid: wrong } })).toEqual([`invalid example for rule ${contracted} does not break rule ${contracted}`]);
  });

  it('names a valid example that does not parse or breaks a rule', () => {
    const notParsing = { ...workshop, examples: { ...workshop.examples, valid: { ...workshop.examples.valid, participants: -1 } } };
    expect(kindExampleProblems(notParsing)[0]).toMatch(/^valid example does not parse: participants/);
    const breaking = { ...workshop, examples: { ...workshop.examples, valid: workshop.examples.invalid[contracted] } };
    expect(kindExampleProblems(breaking)).toEqual([`valid example breaks rule ${contracted}`]);
  });
});

describe('the API request schema built from the installed kinds', () => {
  const schemas = buildSiteSchemas(new SiteKindRegistry(installedKinds));

  it.each(Object.keys(minimalAttributes))('accepts a %s with its attributes', (code) => {
    const result = schemas.create.safeParse(siteRequest(code, minimalAttributes[code]()));
    expect(result.error?.issues).toBeUndefined();
  });

  it("refuses one kind's attributes under another kind", () => {
    const result = schemas.create.safeParse(siteRequest('blind-massage', minimalAttributes['auxiliary-workshop']()));
    expect(result.success).toBe(false);
  });

  it('reports a broken rule at the blamed attribute, in both languages', () => {
    const request = siteRequest('auxiliary-workshop', { ...minimalAttributes['auxiliary-workshop'](), contractedWorkers: 21 });
    const result = schemas.create.safeParse(request);
    const issues = toFieldIssues(result.error!.issues, 'zh-CN', 'body');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: 'body.attributes.contractedWorkers' });
    expect(issues[0].messages['zh-CN']).toContain('签订劳动合同');
    expect(issues[0].messages.en).toMatch(/cannot outnumber/);
  });

  it.each([
    ['beautiful-workshop', { disabledWomenEmployed: 21 }, 'body.attributes.disabledWomenSupported'],
    ['rural-employment-base', { heavyDisabilityHouseholds: 10 }, 'body.attributes.heavyDisabilityHouseholds'],
  ] as const)('reports the rule of %s at the blamed attribute', (code, change, path) => {
    const result = schemas.create.safeParse(siteRequest(code, { ...minimalAttributes[code](), ...change }));
    const issues = toFieldIssues(result.error!.issues, 'en', 'body');
    expect(issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('checks rules on the attributes alone too (PATCH)', () => {
    const attributes = { type: 'health-care', blindPractitioners: 3, certifiedMedicalMasseurs: 0, medicalInsuranceDesignated: true };
    const result = schemas.attributesOf('blind-massage')!.safeParse({ attributes });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['attributes.medicalInsuranceDesignated']);
  });
});
