import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@sitenet/domain';
import type { Actor } from './actor.js';

/**
 * Every handler declares who may call it: `@Public(reason)` (no sign-in; the reason says why the
 * data is public) or `@SignedIn(...roles)` (any role when none is named). The global
 * AccessGuard (auth/access.guard.ts) refuses any handler that declares nothing, and a test
 * lists every route and fails when one has no declaration.
 */
export const ACCESS_METADATA = 'sitenet:access';

export type AccessDeclaration = { kind: 'public'; reason: string } | { kind: 'signed-in'; roles: readonly Role[] | 'any' };

export const Public = (reason: string) => SetMetadata(ACCESS_METADATA, { kind: 'public', reason } satisfies AccessDeclaration);

export const SignedIn = (...roles: Role[]) =>
  SetMetadata(ACCESS_METADATA, { kind: 'signed-in', roles: roles.length ? roles : 'any' } satisfies AccessDeclaration);

/**
 * Marks the few handlers a person may use while they must change their password (someone else
 * set it: creation or reset): changing it, reading who they are, signing out. Every other
 * endpoint answers 403 `auth.password_change_required` until then (AccessGuard).
 */
export const PASSWORD_CHANGE_EXEMPT = 'sitenet:password-change-exempt';
export const AllowedBeforePasswordChange = () => SetMetadata(PASSWORD_CHANGE_EXEMPT, true);

/** The signed-in account making the request (set by the AccessGuard). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<{ actor?: Actor }>().actor;
  if (!actor) throw new Error('CurrentActor used on a handler that is not @SignedIn');
  return actor;
});
