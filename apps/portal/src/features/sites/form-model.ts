import { type LocalizedText, type Site, toFieldIssues } from '@sitenet/domain';
import { clearable, COMMON_SITE_FIELDS, commonDraftShape, type CommonSiteFields } from '@sitenet/domain/schemas';
import type { FieldDescriptor } from '#/features/kinds/fields';
import { checkField, type FieldProblem, type FormValue, fromFormValue, initialValue, toFormValue } from '#/features/kinds/values';
import { fieldOfIssue } from '#/ui/form-errors';
import type { SiteCreateBody, SiteUpdateBody } from './api';
import { commonInputs, setValueAt, valueAt } from './common-fields';

/**
 * The site form's model (pure apart from reading message texts): values keyed by the dotted
 * path the API uses (`operator.creditCode`, `attributes.participants`), so that a 400's issue
 * paths, the controls' ids and test ids, the diff for PATCH and the merge after a 409 all speak
 * the same language.
 */
export type FormValues = Record<string, FormValue>;

/** The fields every site has, as descriptors (the same renderer draws them and the kind's fields): COMMON_SITE_FIELDS' inputs. */
export function commonFields(): FieldDescriptor[] {
  return commonInputs().map((input) => input.descriptor);
}

/** Paths drawn by the region picker (their "choose at least a county" check is the form's). */
const REGION_PATHS = new Set(commonInputs().flatMap((input) => (input.widget === 'region' ? [input.descriptor.path] : [])));

/** Whether a control is the region picker (its value is a region code). */
export function isRegionPath(path: string): boolean {
  return REGION_PATHS.has(path);
}

/** Values of an empty form for a kind. */
export function emptyValues(fields: FieldDescriptor[]): FormValues {
  return Object.fromEntries(fields.map((descriptor) => [descriptor.path, initialValue(descriptor)]));
}

/** Values of a stored site (its location in WGS-84, as stored: an input the site does not hold takes its default). */
export function valuesFromSite(site: Site, kindFields: FieldDescriptor[]): FormValues {
  const values: FormValues = {};
  for (const descriptor of commonFields()) values[descriptor.path] = toFormValue(descriptor, valueAt(site, descriptor.path) ?? descriptor.default);
  for (const descriptor of kindFields) values[descriptor.path] = toFormValue(descriptor, site.attributes[descriptor.key]);
  return values;
}

function text(values: FormValues, path: string): string {
  const value = values[path];
  return typeof value === 'string' ? value : '';
}

/**
 * The kind's attributes. Fields the form cannot edit keep the stored value; empty optional fields
 * are left out.
 */
export function buildAttributes(kindFields: FieldDescriptor[], values: FormValues, stored: Record<string, unknown> = {}): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const descriptor of kindFields) {
    if (descriptor.control === 'unsupported') {
      if (descriptor.key in stored) attributes[descriptor.key] = stored[descriptor.key];
      continue;
    }
    const converted = fromFormValue(descriptor, values[descriptor.path] ?? initialValue(descriptor));
    if (converted.present && !isEmptyNeededChoice(descriptor, converted.value)) attributes[descriptor.key] = converted.value;
  }
  return attributes;
}

/**
 * A list that needs at least one item, left empty: not sent, since a draft may lack it (the API's
 * draft schema refuses `[]` there, as the complete one does) and a registration hears "required".
 */
function isEmptyNeededChoice(descriptor: FieldDescriptor, value: unknown): boolean {
  return Array.isArray(value) && value.length === 0 && 'minItems' in descriptor && (descriptor.minItems ?? 0) > 0;
}

type CommonBody = Omit<SiteCreateBody, 'kind' | 'attributes'>;

/**
 * The common fields' request members. Empty optional inputs are left out (nullable ones sent as
 * null); an unparseable number is sent as typed, so the API names the problem if the client did not.
 */
function commonBody(values: FormValues): CommonBody {
  const body: Record<string, unknown> = {};
  const fields = commonFields();
  // An object member none of whose inputs was touched is not sent (a point's system alone places nothing).
  const touched = new Set(fields.filter((descriptor) => !sameValue(values[descriptor.path] ?? initialValue(descriptor), initialValue(descriptor))).map((descriptor) => descriptor.path.split('.')[0]));
  for (const descriptor of fields) {
    if (descriptor.path.includes('.') && !touched.has(descriptor.path.split('.')[0])) continue;
    const converted = fromFormValue(descriptor, values[descriptor.path] ?? initialValue(descriptor));
    if (converted.present) setValueAt(body, descriptor.path.split('.'), converted.value);
  }
  return body as CommonBody;
}

/** The location picker's confirmation of a point outside the county (value `locationConfirmed`), sent only when given. */
function confirmation(values: FormValues): { locationConfirmed?: true } {
  return values.locationConfirmed === true ? { locationConfirmed: true } : {};
}

export function buildCreateBody(kind: string, kindFields: FieldDescriptor[], values: FormValues): SiteCreateBody {
  return { kind, ...commonBody(values), ...confirmation(values), attributes: buildAttributes(kindFields, values) };
}

function sameValue(a: FormValue | undefined, b: FormValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => item === b[index]);
  }
  return a === b;
}

/** Paths whose value differs between two sets of values. */
export function changedPaths(values: FormValues, base: FormValues): string[] {
  const paths = new Set([...Object.keys(values), ...Object.keys(base)]);
  return [...paths].filter((path) => !sameValue(values[path], base[path]));
}

/** The request member a path belongs to: `location.lat` → `location`, `attributes.x` → `attributes`. */
function memberOf(path: string): keyof CommonBody | 'attributes' {
  return path.split('.')[0] as keyof CommonBody | 'attributes';
}

/** Request members an edit may clear with null (the domain's `clearable`, one rule). */
const CLEARABLE = new Set(Object.entries(COMMON_SITE_FIELDS).flatMap(([key, field]) => (clearable(key, field) ? [key] : [])));

/**
 * A PATCH with the version read and only the members that changed (`location`, `operator`,
 * `contact` and `attributes` go whole, as the API expects).
 */
export function buildUpdateBody(
  version: number,
  kindFields: FieldDescriptor[],
  values: FormValues,
  base: FormValues,
  storedAttributes: Record<string, unknown>,
): SiteUpdateBody {
  const body: SiteUpdateBody = { version };
  const members = new Set(changedPaths(values, base).map(memberOf));
  const common = commonBody(values);
  for (const member of members) {
    if (member === 'attributes') body.attributes = buildAttributes(kindFields, values, storedAttributes);
    // A member emptied entirely is sent as null (cleared) where a draft may leave it empty; a
    // published site's change request that clears a required field is refused by the API.
    else if (member !== 'locationConfirmed') (body as Record<string, unknown>)[member] = common[member] ?? (CLEARABLE.has(member) ? null : undefined);
  }
  return { ...body, ...confirmation(values) };
}

export interface ConflictMerge {
  /** The form after the merge: the user's changes on top of the latest version. */
  values: FormValues;
  /** Paths someone else changed since the form was loaded. */
  theirs: string[];
  /** Of those, the paths the user changed too (the form keeps the user's value). */
  both: string[];
}

/**
 * After a 409: keep every value the user changed, take the latest saved value for everything
 * else, and say what the other person changed.
 */
export function mergeAfterConflict(values: FormValues, base: FormValues, latest: FormValues): ConflictMerge {
  const mine = new Set(changedPaths(values, base));
  const theirs = changedPaths(latest, base);
  const merged: FormValues = { ...latest };
  for (const path of mine) if (path in values) merged[path] = values[path]!;
  return { values: merged, theirs, both: theirs.filter((path) => mine.has(path)) };
}

/** A problem the client found before sending. */
export interface ClientProblem extends Omit<FieldProblem, 'code'> {
  code: FieldProblem['code'] | 'regionLevel' | 'schema';
  label: LocalizedText;
  /** The domain schema's own message (`schema`: a rule the API applies, e.g. coordinates on China's territory). */
  messages?: LocalizedText;
}

/**
 * The obvious checks on every field (their limits read from the schemas), plus "choose at least a
 * county", then the common fields' domain schemas on what would be sent: the client applies the
 * API's own rules (coordinates on China's territory, phone and credit code) before sending, every
 * problem in one round. A draft (`draft: true`) needs only its unit: what is empty is not a
 * problem, what is filled is checked as for a submission (the API's draft schema, derived from
 * the complete one).
 */
export function checkValues(fields: FieldDescriptor[], values: FormValues, declared: CommonSiteFields = COMMON_SITE_FIELDS, options: { draft?: boolean } = {}): ClientProblem[] {
  const problems: ClientProblem[] = [];
  for (const descriptor of fields) {
    if (REGION_PATHS.has(descriptor.path)) {
      const code = text(values, descriptor.path);
      if (!code) problems.push({ path: descriptor.path, code: 'required', label: descriptor.label });
      else if (code.length === 6 && code.endsWith('00')) problems.push({ path: descriptor.path, code: 'regionLevel', label: descriptor.label });
      continue;
    }
    for (const problem of checkField(descriptor, values[descriptor.path] ?? initialValue(descriptor))) {
      if (options.draft && problem.code === 'required') continue;
      problems.push({ ...problem, label: descriptor.label });
    }
  }
  const found = new Set(problems.map((problem) => problem.path));
  const paths = fields.map((descriptor) => descriptor.path);
  const body = commonBody(values) as Record<string, unknown>;
  const draftShape = commonDraftShape(declared) as Record<string, NonNullable<CommonSiteFields[string]['input']>>;
  for (const [key, field] of Object.entries(declared)) {
    if (!field.form || !field.input) continue;
    if (options.draft && body[key] === undefined) continue;
    const parsed = (options.draft ? draftShape[key]! : field.input).safeParse(body[key]);
    if (parsed.success) continue;
    for (const issue of toFieldIssues(parsed.error.issues, 'zh-CN', key)) {
      const path = fieldOfIssue(issue.path, paths);
      // One problem per field: the obvious check, when it found one, said it first.
      if (!path || found.has(path)) continue;
      found.add(path);
      problems.push({ path, code: 'schema', label: fields.find((descriptor) => descriptor.path === path)!.label, messages: issue.messages });
    }
  }
  return problems;
}

/** A row of the conflict table: a field someone else changed, its latest value and the form's value. */
export interface ConflictRow {
  path: string;
  label: string;
  theirs: string;
  mine: string;
  /** The user changed it too; saving keeps the form's value. */
  both: boolean;
}

/**
 * The site as its change request proposes it (the published site when there is none): what
 * district staff edit when they change a published site again, since the API applies an edit
 * on top of the waiting proposal.
 */
export function withPendingChange(site: Site): Site {
  if (!site.pendingChange || site.pendingChange.changes.length === 0) return site;
  const proposed = { ...site, attributes: { ...site.attributes } } as unknown as Record<string, unknown>;
  for (const change of site.pendingChange.changes) setValueAt(proposed, change.field.split('.'), change.to);
  return proposed as unknown as Site;
}
