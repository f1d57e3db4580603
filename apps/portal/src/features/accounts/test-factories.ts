import type { ApiErrorBody } from '@sitenet/domain';
import { apiError } from '#/test/http';

/** Error bodies the accounts API answers with (accounts themselves come from features/auth/test-factories). */
export function usernameTaken(username: string): ApiErrorBody {
  return apiError(409, 'account.username_taken', `用户名 ${username} 已被使用，请换一个。`, `The username ${username} is taken; choose another.`);
}
