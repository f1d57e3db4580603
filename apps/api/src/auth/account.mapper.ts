import type { AccountSummary, Role } from '@sitenet/domain';
import type { AccountEntity } from './account.entity.js';

/** The one place an account row becomes what clients see (never the password hash). */
export function toAccountSummary(entity: AccountEntity): AccountSummary {
  return {
    id: entity.id,
    username: entity.username,
    displayName: entity.displayName,
    role: entity.role as Role,
    regionCode: entity.regionCode,
    active: entity.active,
    mustChangePassword: entity.passwordSetBy !== null,
  };
}
