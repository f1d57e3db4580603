import {
  BARRIER_FREE_FEATURES,
  BARRIER_FREE_LABELS,
  type BarrierFreeFeature,
  type CoordinateSystem,
  type LocalizedText,
  type Site,
} from '@sitenet/domain';
import type { FieldDescriptor } from '#/features/kinds/fields';
import { checkField, type FieldProblem, type FormValue, fromFormValue, initialValue, toFormValue } from '#/features/kinds/values';
import { messageIn } from '#/i18n';
import type { SiteCreateBody, SiteUpdateBody } from './api';

/**
 * The site form's model (pure apart from reading message texts): values keyed by the dotted
 * path the API uses (`operator.creditCode`, `attributes.participants`), so that a 400's issue
 * paths, the controls' ids and test ids, the diff for PATCH and the merge after a 409 all speak
 * the same language.
 */
export type FormValues = Record<string, FormValue>;

function both(key: string): LocalizedText {
  return { 'zh-CN': messageIn('zh-CN', key), en: messageIn('en', key) };
}

const field = (key: string) => `sites.fields.${key}`;

/** The fields every site has, as descriptors (the same renderer draws them and the kind's fields). */
export function commonFields(): FieldDescriptor[] {
  const base = (path: string, key: string, required: boolean, help?: string) => ({
    key: path.split('.').pop()!,
    path,
    label: both(field(key)),
    required,
    nullable: false,
    ...(help ? { help: both(field(help)) } : {}),
  });
  const degrees = both(field('degrees'));
  return [
    { ...base('name', 'name', true, 'nameHint'), control: 'text', maxLength: 100 },
    // Drawn by the region picker; the descriptor gives the label for errors.
    { ...base('regionCode', 'region', true, 'regionHint'), control: 'text' },
    { ...base('address', 'address', true, 'addressHint'), control: 'text', maxLength: 200 },
    { ...base('location.lat', 'lat', true, 'latHint'), control: 'number', integer: false, min: -90, max: 90, unit: degrees },
    { ...base('location.lng', 'lng', true, 'lngHint'), control: 'number', integer: false, min: -180, max: 180, unit: degrees },
    {
      ...base('location.system', 'system', true, 'systemHint'),
      control: 'select',
      default: 'wgs84',
      options: [
        { value: 'wgs84', label: both(field('systemWgs84')) },
        { value: 'gcj02', label: both(field('systemGcj02')) },
      ],
    },
    { ...base('operator.name', 'operatorName', true), control: 'text', maxLength: 100 },
    { ...base('operator.creditCode', 'creditCode', true, 'creditCodeHint'), control: 'text' },
    { ...base('contact.person', 'person', true), control: 'text', maxLength: 50 },
    { ...base('contact.phone', 'phone', true, 'phoneHint'), control: 'text', inputType: 'tel' },
    { ...base('openedOn', 'openedOn', false, 'openedOnHint'), control: 'date', nullable: true },
    {
      ...base('barrierFree', 'barrierFree', false, 'barrierFreeHint'),
      control: 'checkboxes',
      options: BARRIER_FREE_FEATURES.map((feature) => ({ value: feature, label: BARRIER_FREE_LABELS[feature] })),
    },
  ];
}

/** Values of an empty form for a kind. */
export function emptyValues(fields: FieldDescriptor[]): FormValues {
  return Object.fromEntries(fields.map((descriptor) => [descriptor.path, initialValue(descriptor)]));
}

/** Values of a stored site (its location in WGS-84, as stored). */
export function valuesFromSite(site: Site, kindFields: FieldDescriptor[]): FormValues {
  const values: FormValues = {
    name: site.name,
    regionCode: site.regionCode,
    address: site.address,
    'location.lat': String(site.location.lat),
    'location.lng': String(site.location.lng),
    'location.system': 'wgs84',
    'operator.name': site.operator.name,
    'operator.creditCode': site.operator.creditCode,
    'contact.person': site.contact.person,
    'contact.phone': site.contact.phone,
    openedOn: site.openedOn ?? '',
    barrierFree: [...site.barrierFree],
  };
  for (const descriptor of kindFields) values[descriptor.path] = toFormValue(descriptor, site.attributes[descriptor.key]);
  return values;
}

function text(values: FormValues, path: string): string {
  const value = values[path];
  return typeof value === 'string' ? value : '';
}

function coordinate(values: FormValues, path: string, descriptors: FieldDescriptor[]): number | string {
  const descriptor = descriptors.find((candidate) => candidate.path === path)!;
  const converted = fromFormValue(descriptor, values[path] ?? '');
  return converted.present ? (converted.value as number | string) : '';
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
    if (converted.present) attributes[descriptor.key] = converted.value;
  }
  return attributes;
}

type CommonBody = Omit<SiteCreateBody, 'kind' | 'attributes'>;

function commonBody(values: FormValues): CommonBody {
  const common = commonFields();
  const openedOn = text(values, 'openedOn').trim();
  return {
    name: text(values, 'name'),
    regionCode: text(values, 'regionCode'),
    address: text(values, 'address'),
    location: {
      lat: coordinate(values, 'location.lat', common),
      lng: coordinate(values, 'location.lng', common),
      system: (text(values, 'location.system') || 'wgs84') as CoordinateSystem,
    },
    operator: { name: text(values, 'operator.name'), creditCode: text(values, 'operator.creditCode') },
    contact: { person: text(values, 'contact.person'), phone: text(values, 'contact.phone') },
    openedOn: openedOn === '' ? null : openedOn,
    barrierFree: (Array.isArray(values.barrierFree) ? values.barrierFree : []) as BarrierFreeFeature[],
  };
}

export function buildCreateBody(kind: string, kindFields: FieldDescriptor[], values: FormValues): SiteCreateBody {
  return { kind, ...commonBody(values), attributes: buildAttributes(kindFields, values) };
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
    else (body as Record<string, unknown>)[member] = common[member];
  }
  return body;
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
  code: FieldProblem['code'] | 'regionLevel';
  label: LocalizedText;
}

/** The obvious checks on every field, plus "choose at least a county". */
export function checkValues(fields: FieldDescriptor[], values: FormValues): ClientProblem[] {
  const problems: ClientProblem[] = [];
  for (const descriptor of fields) {
    if (descriptor.path === 'regionCode') {
      const code = text(values, 'regionCode');
      if (!code) problems.push({ path: 'regionCode', code: 'required', label: descriptor.label });
      else if (code.length === 6 && code.endsWith('00')) problems.push({ path: 'regionCode', code: 'regionLevel', label: descriptor.label });
      continue;
    }
    for (const problem of checkField(descriptor, values[descriptor.path] ?? initialValue(descriptor))) {
      problems.push({ ...problem, label: descriptor.label });
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

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const next = target[head];
  const child = typeof next === 'object' && next !== null && !Array.isArray(next) ? { ...(next as Record<string, unknown>) } : {};
  target[head] = child;
  setPath(child, rest, value);
}

/**
 * The site as its change request proposes it (the published site when there is none): what
 * district staff edit when they change a published site again, since the API applies an edit
 * on top of the waiting proposal.
 */
export function withPendingChange(site: Site): Site {
  if (!site.pendingChange || site.pendingChange.changes.length === 0) return site;
  const proposed = { ...site, attributes: { ...site.attributes } } as unknown as Record<string, unknown>;
  for (const change of site.pendingChange.changes) setPath(proposed, change.field.split('.'), change.to);
  return proposed as unknown as Site;
}
