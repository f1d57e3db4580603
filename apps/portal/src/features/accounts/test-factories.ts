import type { ApiErrorBody } from '@sitenet/domain';

/** Error bodies the accounts API answers with (accounts themselves come from features/auth/test-factories). */
export function usernameTaken(username: string): ApiErrorBody {
  return {
    statusCode: 409,
    code: 'account.username_taken',
    message: `用户名 ${username} 已被使用，请换一个。`,
    messages: { 'zh-CN': `用户名 ${username} 已被使用，请换一个。`, en: `The username ${username} is taken; choose another.` },
  };
}
