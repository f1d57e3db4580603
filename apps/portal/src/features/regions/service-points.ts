import { CHINA_BOUNDS, type AccountSummary, type CoordinateSystem, type Locale, type LocalizedText, type Role } from '@sitenet/domain';
import { messageIn } from '#/i18n';
import type { FieldError } from '#/ui/form-errors';
import type { ServicePointBody } from './api';

/** Roles that may set township service-centre locations (PUT /api/service-points/:code), inside their unit. */
export const SERVICE_POINT_EDITOR_ROLES: readonly Role[] = ['district', 'prefecture', 'province'];

/** China's bounds as the API checks them (one definition, in the domain package). */
export const SERVICE_POINT_BOUNDS = {
  lat: { min: CHINA_BOUNDS.minLat, max: CHINA_BOUNDS.maxLat },
  lng: { min: CHINA_BOUNDS.minLng, max: CHINA_BOUNDS.maxLng },
} as const;

/**
 * Whether the signed-in account may enter the service-centre locations of a county's townships:
 * an editing role whose unit is the county or one of its ancestors. The API decides in the end;
 * this only keeps the section away from people who could not use it.
 */
export function canEditServicePoints(account: AccountSummary | null, county: { code: string; ancestors: ReadonlyArray<{ code: string }> }): boolean {
  if (!account?.regionCode || !SERVICE_POINT_EDITOR_ROLES.includes(account.role)) return false;
  return account.regionCode === county.code || county.ancestors.some((ancestor) => ancestor.code === account.regionCode);
}

/** What the dialog's fields hold. */
export interface ServicePointValues {
  lat: string;
  lng: string;
  system: CoordinateSystem;
}

export type ServicePointField = keyof ServicePointValues;
export const SERVICE_POINT_FIELDS: readonly ServicePointField[] = ['lat', 'lng', 'system'];

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** A message in both languages whose `{label}` is the field's own label in that language. */
function problem(key: string, field: 'lat' | 'lng', named: Record<string, unknown> = {}): LocalizedText {
  const [zh, en] = LOCALES.map((locale) => messageIn(locale, key, { label: messageIn(locale, `sites.fields.${field}`), ...named }));
  return { 'zh-CN': zh!, en: en! };
}

/** Full-width digits, point and minus (typed with a Chinese IME) as ASCII. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0)).trim();
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The number a field holds, or null when it does not hold one. */
function parse(text: string): number | null {
  const cleaned = halfWidth(text);
  return DECIMAL.test(cleaned) ? Number(cleaned) : null;
}

const inside = (value: number, bounds: { min: number; max: number }) => value >= bounds.min && value <= bounds.max;

/**
 * The obvious problems, caught before sending: empty, not a number, outside China, latitude and
 * longitude swapped. Without problems, the PUT body.
 */
export function checkServicePoint(values: ServicePointValues): { errors: FieldError[]; body: ServicePointBody | null } {
  const errors: FieldError[] = [];
  const lat = parse(values.lat);
  const lng = parse(values.lng);
  if (lat !== null && lng !== null && !inside(lat, SERVICE_POINT_BOUNDS.lat) && inside(lat, SERVICE_POINT_BOUNDS.lng) && inside(lng, SERVICE_POINT_BOUNDS.lat)) {
    errors.push({ field: 'lat', messages: problem('regions.servicePoints.problems.swapped', 'lat') });
    return { errors, body: null };
  }
  for (const field of ['lat', 'lng'] as const) {
    const value = field === 'lat' ? lat : lng;
    const bounds = SERVICE_POINT_BOUNDS[field];
    if (halfWidth(values[field]) === '') errors.push({ field, messages: problem('sites.form.problems.required', field) });
    else if (value === null) errors.push({ field, messages: problem('sites.form.problems.notNumber', field) });
    else if (!inside(value, bounds)) errors.push({ field, messages: problem('regions.servicePoints.problems.range', field, bounds) });
  }
  if (errors.length || lat === null || lng === null) return { errors, body: null };
  return { errors, body: { lat, lng, system: values.system } };
}
