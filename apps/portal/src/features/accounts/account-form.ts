import { CREATABLE_ROLES, passwordProblems, type RegionLevel, type Role } from '@sitenet/domain';
import { localized } from '#/i18n';
import type { FieldError } from '#/ui/form-errors';
import type { AccountCreateBody } from './api';

/** The API's username rule (`usernameSchema`), checked before sending. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

export const DISPLAY_NAME_MAX_LENGTH = 50;

/** The fields of the create form, as the API names them (issues arrive as `body.<field>`). */
export const ACCOUNT_FIELDS = ['username', 'displayName', 'role', 'regionCode', 'password'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export interface AccountFormValues {
  username: string;
  displayName: string;
  role: Role | '';
  regionCode: string | null;
  password: string;
}

/** The roles an account of `creator` may create, in the order the select offers them. */
export function rolesCreatableBy(creator: Role | null | undefined): readonly Role[] {
  return creator ? CREATABLE_ROLES[creator] : [];
}

/**
 * The deepest region level the unit picker offers for a role (district staff: a county;
 * reviewers: a prefecture — or a municipality, chosen at level 1; province officials: a
 * province); null when the role has no unit (admin).
 */
export function unitLevelFor(role: Role | ''): RegionLevel | null {
  switch (role) {
    case 'district':
      return 3;
    case 'prefecture':
      return 2;
    case 'province':
      return 1;
    default:
      return null;
  }
}

/** The obvious problems, found before sending; the API checks the rest (unit fits the role, jurisdiction, username taken). */
export function checkAccountForm(values: AccountFormValues, creator: Role | null | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const username = values.username.trim().toLowerCase();
  if (!username) errors.push({ field: 'username', messages: localized('accounts.form.problems.usernameRequired') });
  else if (!USERNAME_PATTERN.test(username)) errors.push({ field: 'username', messages: localized('accounts.form.problems.usernamePattern') });
  const displayName = values.displayName.trim();
  if (!displayName) errors.push({ field: 'displayName', messages: localized('accounts.form.problems.displayNameRequired') });
  else if ([...displayName].length > DISPLAY_NAME_MAX_LENGTH) {
    errors.push({ field: 'displayName', messages: localized('accounts.form.problems.displayNameTooLong', { max: DISPLAY_NAME_MAX_LENGTH }) });
  }
  if (!values.role || !rolesCreatableBy(creator).includes(values.role)) {
    errors.push({ field: 'role', messages: localized('accounts.form.problems.roleRequired') });
  } else if (unitLevelFor(values.role) !== null && !values.regionCode) {
    errors.push({ field: 'regionCode', messages: localized('accounts.form.problems.unitRequired') });
  }
  for (const problem of passwordProblems(values.password, username || undefined)) errors.push({ field: 'password', messages: problem });
  return errors;
}

export function buildAccountBody(values: AccountFormValues): AccountCreateBody {
  const role = values.role as Role;
  return {
    username: values.username.trim().toLowerCase(),
    displayName: values.displayName.trim(),
    role,
    regionCode: unitLevelFor(role) === null ? null : values.regionCode,
    password: values.password,
  };
}
