import { codesOf, type LocalizedText } from '../errors/localized.js';
import type { RegionLevel, RegionType } from '../regions/region-types.js';

/**
 * Who does what (DOMAIN.md): district staff register and keep their county's sites; the
 * prefecture reviewer above approves them (a province official may too); province officials
 * watch coverage and manage accounts under them; admins manage accounts nationally.
 */
export const ROLE_LABELS = {
  district: { 'zh-CN': '区县残联工作人员', en: 'District staff' },
  prefecture: { 'zh-CN': '市(州)残联审核人员', en: 'Prefecture reviewer' },
  province: { 'zh-CN': '省残联工作人员', en: 'Provincial official' },
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
} satisfies Record<string, LocalizedText>;
export type Role = keyof typeof ROLE_LABELS;
export const ROLES = codesOf(ROLE_LABELS);

/**
 * The unit a role is bound to: a county-level unit for district staff — or a prefecture-level
 * city without counties (东莞, 中山, 儋州), whose staff work at that level; a prefecture-level
 * unit — or a municipality, which has no prefecture level — for reviewers; a province-level unit
 * for province officials; none for admins.
 */
export function roleFitsUnit(role: Role, unit: { level: RegionLevel; type: RegionType; hasCounties?: boolean } | null): boolean {
  switch (role) {
    case 'admin':
      return unit === null;
    case 'province':
      return unit?.level === 1;
    case 'prefecture':
      return unit?.level === 2 || (unit?.level === 1 && unit.type === 'municipality');
    case 'district':
      return unit?.level === 3 || (unit?.level === 2 && unit.hasCounties === false);
  }
}

/** Roles that may review (approve, return, suspend, close, reopen) sites in their jurisdiction. */
export const REVIEWER_ROLES: readonly Role[] = ['prefecture', 'province'];

/** Which roles an account of `role` may create (always inside its own jurisdiction). */
export const CREATABLE_ROLES: Record<Role, readonly Role[]> = {
  admin: ['admin', 'province', 'prefecture', 'district'],
  province: ['prefecture', 'district'],
  prefecture: [],
  district: [],
};
