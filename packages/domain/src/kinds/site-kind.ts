import { z } from 'zod';
import type { LocalizedText } from '../errors/localized.js';

/**
 * The extension point: a site kind (就业服务载体) is one definition of this shape, exported by its
 * own package under packages/kinds/<kind>/. Everything else — the API's validation, the OpenAPI
 * schema, the portal's form, detail page and list columns, the spreadsheet template — derives
 * from it. Kind fields live in the site's `attributes` (a JSON column), so adding a kind needs
 * no migration.
 */
export interface SiteKindDefinition<Attributes extends z.ZodObject = z.ZodObject> {
  /** Stable identifier, kebab-case: `auxiliary-workshop`. Stored with every site. */
  code: string;
  labels: LocalizedText;
  description: LocalizedText;
  /** Other names the texts use for the same kind (阳光家园, 残疾人之家 …), for search and help. */
  aliases?: LocalizedText[];
  /** The kind's own fields: a strict zod object whose fields carry `fieldMeta(...)`. */
  attributes: Attributes;
  /**
   * The version of `attributes`' shape, a whole number from 1; every stored site records the
   * version its attributes were written with. Bump it when a change to the fields would leave a
   * stored site's attributes invalid or meaning something else, and add the step from the old
   * version to `migrateAttributes` (packages/kinds/README.md, "Changing a kind's fields").
   */
  attributesVersion: number;
  /**
   * The steps that bring stored attributes up to `attributesVersion`: the step under key `n`
   * turns attributes written at version `n` into attributes of version `n + 1`. Pure functions of
   * the attributes alone (no I/O, no clock, no other site); the API runs them at start, after the
   * schema migrations, and stores a result only when it passes the current schema.
   */
  migrateAttributes?: Record<number, AttributesMigrationStep>;
  /**
   * Numeric attributes that coverage targets may sum (participants, blind practitioners …), named
   * by field key: a metric's label and unit are its field's (`kindMetrics()`).
   */
  metrics: Extract<keyof z.infer<Attributes>, string>[];
  /** Rules across several fields, checked after the schema, each naming the field it blames. */
  rules?: CrossFieldRule<z.infer<Attributes>>[];
  /**
   * The kind's example attributes, the only ones every test layer, the demo generator and the
   * benchmark use: one valid set, and per cross-field rule (by id) a set that passes the schema
   * but breaks that rule. Checked when the kind is defined (`kindExampleProblems()`).
   */
  examples: SiteKindExamples<z.input<Attributes>>;
  /** The attributes shown as columns in the site list (at most a few). */
  listColumns?: Extract<keyof z.infer<Attributes>, string>[];
  /** How the kind is drawn on maps: an ECharts symbol and a colour with 3:1 contrast on white. */
  marker: { symbol: 'circle' | 'rect' | 'roundRect' | 'triangle' | 'diamond' | 'pin' | 'arrow'; color: string };
  /** Where in the policy texts the kind comes from. */
  sources?: string[];
  /**
   * A licence some of the kind's sites must hold (盲人医疗按摩所: the 医疗机构执业许可证): the date
   * field it is valid until, and the values of a field it licenses (`type: medical`). A site whose
   * licence has expired is listed, and does not count as those values (`licenceOf`).
   */
  licence?: { expiresOn: Extract<keyof z.infer<Attributes>, string>; licenses: { field: Extract<keyof z.infer<Attributes>, string>; values: readonly string[] } };
}

/** One step of a kind's attributes migration (see `SiteKindDefinition.migrateAttributes`). */
export type AttributesMigrationStep = (attributes: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** A metric as clients see it: the field's key, label and unit. */
export interface SiteMetric<Key extends string = string> {
  key: Key;
  labels: LocalizedText;
  unit: LocalizedText;
}

export interface SiteKindExamples<Input> {
  valid: Input;
  /** One per cross-field rule, keyed by the rule's id. */
  invalid: Record<string, Input>;
}

export interface CrossFieldIssue {
  /** Path inside `attributes`, e.g. `['contractedWorkers']`. */
  path: (string | number)[];
  messages: LocalizedText;
}

export interface CrossFieldRule<Attributes> {
  id: string;
  description: LocalizedText;
  check: (attributes: Attributes) => CrossFieldIssue[];
}

/**
 * How a field is presented; stored in the zod schema's metadata so that the JSON schema the
 * API publishes (`GET /api/site-kinds`) carries it to any client.
 */
export interface FieldPresentation {
  label: LocalizedText;
  help?: LocalizedText;
  unit?: LocalizedText;
  /** A hint for form rendering when the type alone does not say it. */
  widget?: 'textarea' | 'checkboxes' | 'radio' | 'select' | 'date' | 'number' | 'switch' | 'text';
  /** Labels of enum options, by option value. */
  options?: Record<string, LocalizedText>;
}

/** Attaches presentation to a field schema (keeps the schema's type). */
export function fieldMeta<T extends z.ZodType>(schema: T, presentation: FieldPresentation): T {
  return schema.meta({ 'x-presentation': presentation });
}

export function presentationOf(schema: z.ZodType): FieldPresentation | undefined {
  return (schema.meta() as { 'x-presentation'?: FieldPresentation } | undefined)?.['x-presentation'];
}

const KIND_CODE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export class SiteKindDefinitionError extends Error {}

/** Declares a kind and checks its definition once, when the package loads. */
export function defineSiteKind<A extends z.ZodObject>(definition: SiteKindDefinition<A>): SiteKindDefinition<A> {
  const where = `site kind ${definition.code}`;
  if (!KIND_CODE.test(definition.code)) throw new SiteKindDefinitionError(`${where}: code must be kebab-case`);
  if (!definition.labels['zh-CN'] || !definition.labels.en) throw new SiteKindDefinitionError(`${where}: needs zh-CN and English labels`);
  const shape = definition.attributes.shape as Record<string, z.ZodType>;
  for (const [key, field] of Object.entries(shape)) {
    const presentation = presentationOf(field);
    if (!presentation?.label['zh-CN'] || !presentation.label.en) {
      throw new SiteKindDefinitionError(`${where}: field ${key} needs fieldMeta() with zh-CN and English labels`);
    }
  }
  for (const key of definition.metrics) {
    const field = shape[key];
    if (!field) throw new SiteKindDefinitionError(`${where}: metric ${key} is not one of its fields`);
    const base = unwrap(field);
    if (!(base instanceof z.ZodNumber)) throw new SiteKindDefinitionError(`${where}: metric ${key} must be a number field`);
    const unit = presentationOf(field)?.unit;
    if (!unit?.['zh-CN'] || !unit.en) throw new SiteKindDefinitionError(`${where}: metric ${key} needs a unit in fieldMeta() (zh-CN and English)`);
  }
  for (const column of definition.listColumns ?? []) {
    if (!shape[column]) throw new SiteKindDefinitionError(`${where}: list column ${column} is not one of its fields`);
  }
  const versionProblems = attributesVersionProblems(definition);
  if (versionProblems.length > 0) throw new SiteKindDefinitionError(`${where}: ${versionProblems.join('; ')}`);
  const problems = kindExampleProblems(definition);
  if (problems.length > 0) throw new SiteKindDefinitionError(`${where}: ${problems.join('; ')}`);
  return definition;
}

/** A kind's metrics with the label and unit of their fields, as the API describes them. */
export function kindMetrics(kind: SiteKindDefinition): SiteMetric[] {
  const shape = kind.attributes.shape as Record<string, z.ZodType>;
  return kind.metrics.map((key) => {
    const presentation = presentationOf(shape[key]);
    return { key, labels: presentation!.label, unit: presentation!.unit! };
  });
}

/**
 * What is wrong with a kind's examples (none when right): the valid example must pass the schema
 * and every rule; each rule needs an invalid example that passes the schema and breaks that rule
 * (and no other); an invalid example must name a rule the kind has.
 */
export function kindExampleProblems(kind: SiteKindDefinition): string[] {
  const problems: string[] = [];
  const examples = (kind as Partial<SiteKindDefinition>).examples;
  if (!examples?.valid) return ['has no valid example'];
  const broken = (label: string, input: unknown): string[] | undefined => {
    const parsed = kind.attributes.safeParse(input);
    if (!parsed.success) {
      problems.push(`${label} does not parse: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join(', ')}`);
      return undefined;
    }
    return checkKindRules(kind, parsed.data).map((issue) => issue.rule);
  };
  const validBroken = broken('valid example', examples.valid);
  if (validBroken && validBroken.length > 0) problems.push(`valid example breaks rule ${[...new Set(validBroken)].join(', ')}`);
  const ruleIds = (kind.rules ?? []).map((rule) => rule.id);
  for (const id of ruleIds) {
    const example = examples.invalid?.[id];
    if (example === undefined) {
      problems.push(`rule ${id} has no invalid example`);
      continue;
    }
    const rules = broken(`invalid example for rule ${id}`, example);
    if (rules && !rules.includes(id)) problems.push(`invalid example for rule ${id} does not break rule ${id}`);
    else if (rules && rules.some((rule) => rule !== id)) problems.push(`invalid example for rule ${id} also breaks ${rules.filter((rule) => rule !== id).join(', ')}`);
  }
  for (const id of Object.keys(examples.invalid ?? {})) {
    if (!ruleIds.includes(id)) problems.push(`invalid example ${id} names no rule of the kind`);
  }
  return problems;
}

/**
 * What is wrong with a kind's attributes version and migration steps (none when right): the
 * version is a whole number from 1, and there is one step from each earlier version and no other.
 */
export function attributesVersionProblems(kind: Pick<SiteKindDefinition, 'attributesVersion' | 'migrateAttributes'>): string[] {
  const version = kind.attributesVersion;
  if (!Number.isInteger(version) || version < 1) return [`attributesVersion must be a whole number from 1 (is ${String(version)})`];
  const steps = kind.migrateAttributes ?? {};
  const problems: string[] = [];
  for (let from = 1; from < version; from++) {
    if (typeof steps[from] !== 'function') problems.push(`migrateAttributes has no step from version ${from} to ${from + 1}`);
  }
  for (const key of Object.keys(steps)) {
    const from = Number(key);
    if (!Number.isInteger(from) || from < 1 || from >= version) problems.push(`migrateAttributes step ${key} is not a version before ${version}`);
  }
  return problems;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  while (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
    current = current.unwrap() as z.ZodType;
  }
  return current;
}

/** Every kind the product knows, looked up by code. */
export class SiteKindRegistry {
  private readonly byCode = new Map<string, SiteKindDefinition>();

  constructor(kinds: readonly SiteKindDefinition[]) {
    for (const kind of kinds) {
      if (this.byCode.has(kind.code)) throw new SiteKindDefinitionError(`site kind ${kind.code} is registered twice`);
      this.byCode.set(kind.code, kind);
    }
  }

  get all(): SiteKindDefinition[] {
    return [...this.byCode.values()];
  }

  get codes(): string[] {
    return [...this.byCode.keys()];
  }

  get(code: string): SiteKindDefinition | undefined {
    return this.byCode.get(code);
  }
}

/** Runs every cross-field rule of a kind on (already parsed) attributes. */
export function checkKindRules<A extends z.ZodObject>(kind: SiteKindDefinition<A>, attributes: z.infer<A>): (CrossFieldIssue & { rule: string })[] {
  return (kind.rules ?? []).flatMap((rule) => rule.check(attributes).map((issue) => ({ rule: rule.id, ...issue })));
}
