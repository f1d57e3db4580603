import type { LocalizedText } from '../errors/localized.js';

/**
 * The password policy (after NIST SP 800-63B): length matters, composition rules do not. At
 * least 10 characters, at most 128; not the username; not a commonly used password.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

const COMMON = new Set([
  '1234567890', '12345678910', '0123456789', 'qwertyuiop', 'password123', 'password1234', '1qaz2wsx3edc', 'abc1234567',
  'a123456789', 'iloveyou123', 'admin12345', 'administrator', 'qwerty123456', '11111111111', '00000000000', 'woaini1314',
  '5201314520', 'sitenet123', 'sitenet1234', 'changeme123', 'welcome123', 'p@ssw0rd123',
]);

export function passwordProblems(password: string, username?: string): LocalizedText[] {
  const problems: LocalizedText[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({ 'zh-CN': `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`, en: `A password has at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({ 'zh-CN': `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`, en: `A password has at most ${PASSWORD_MAX_LENGTH} characters` });
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push({ 'zh-CN': '密码不能包含用户名', en: 'A password must not contain the username' });
  }
  if (COMMON.has(password.toLowerCase()) || /^(.)\1+$/.test(password)) {
    problems.push({ 'zh-CN': '密码过于常见，请换一个', en: 'That password is too common; choose another' });
  }
  return problems;
}
