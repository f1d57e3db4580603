import type { LocalizedText } from '../errors/localized.js';

/**
 * The password policy (after NIST SP 800-63B): length matters, composition rules do not. At
 * least 10 characters, at most 128; not containing the username or the product's name; not a
 * commonly used password. `passwordProblems` is the quick part (no dictionary: the portal checks
 * it as one types); `newPasswordProblems` (accounts/password-strength.ts, subpath
 * `@sitenet/domain/password-strength`) adds the breached/common-password dictionary and is what
 * the API enforces wherever a password is set.
 */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** The product's name: a password containing it is among the first an attacker tries. */
export const PRODUCT_NAME = 'sitenet';

/** Commonly used Chinese-style passwords of 10+ characters, besides zxcvbn's dictionary. */
export const COMMON_PASSWORDS_CN: readonly string[] = [
  '1234567890', '12345678910', '0123456789', 'qwertyuiop', 'password123', 'password1234', '1qaz2wsx3edc', 'abc1234567',
  'a123456789', 'iloveyou123', 'admin12345', 'administrator', 'qwerty123456', '11111111111', '00000000000', 'woaini1314',
  '5201314520', 'sitenet123', 'sitenet1234', 'changeme123', 'welcome123', 'p@ssw0rd123', 'woaini5201314', '1314520520',
  'aa123456789', 'qq123456789', 'zxcvbnm123', 'asdfghjkl123', 'abc123456789', '147258369abc', 'a147258369',
];
const COMMON = new Set(COMMON_PASSWORDS_CN);

export const COMMON_PASSWORD: LocalizedText = {
  'zh-CN': '这是常用或已泄露的密码，请换一个',
  en: 'That is a commonly used or breached password; choose another',
};

/** Latin letters' look-alikes in other scripts (Cyrillic, Greek) that NFKC leaves as they are. */
const LOOK_ALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ω: 'w',
};
const LOOK_ALIKE = new RegExp(`[${Object.keys(LOOK_ALIKES).join('')}]`, 'gu');
/** Invisible characters and every kind of space or separator. */
const IGNORED = /[\s\p{Z}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Punctuation that may be sprinkled between the letters of a name (s-i-t-e-n-e-t, zhang.admin). */
const PUNCTUATION = /\p{P}/gu;

/**
 * A password (or username) as the policy compares it: compatibility characters folded (NFKC:
 * full-width `ｐａｓｓｗｏｒｄ` is `password`), case-folded, look-alike letters of other scripts
 * mapped to Latin, invisible (default-ignorable, format) characters and every space or separator
 * removed. So `ｐａｓｓｗｏｒｄ１２３`, `p a s s w o r d 1 2 3` and `Pass\u00ADword123` are all
 * `password123` to the username, product-name and dictionary checks.
 */
export function foldPassword(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKC')
    .replace(LOOK_ALIKE, (c) => LOOK_ALIKES[c])
    .replace(IGNORED, '');
}

/** `foldPassword` without punctuation: what the username and the product's name are looked for in. */
export function barePassword(value: string): string {
  return foldPassword(value).replace(PUNCTUATION, '');
}

export function passwordProblems(password: string, username?: string): LocalizedText[] {
  const folded = foldPassword(password);
  const bare = barePassword(password);
  const problems: LocalizedText[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({ 'zh-CN': `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`, en: `A password has at least ${PASSWORD_MIN_LENGTH} characters` });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({ 'zh-CN': `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`, en: `A password has at most ${PASSWORD_MAX_LENGTH} characters` });
  }
  const bareUsername = username ? barePassword(username) : '';
  if (username && (folded.includes(foldPassword(username)) || (bareUsername.length >= 3 && bare.includes(bareUsername)))) {
    problems.push({ 'zh-CN': '密码不能包含用户名', en: 'A password must not contain the username' });
  }
  if (bare.includes(PRODUCT_NAME)) {
    problems.push({ 'zh-CN': '密码不能包含产品名称“sitenet”', en: 'A password must not contain the product’s name “sitenet”' });
  }
  if (COMMON.has(folded) || COMMON.has(bare) || /^(.)\1+$/u.test(folded)) {
    problems.push(COMMON_PASSWORD);
  }
  return problems;
}
