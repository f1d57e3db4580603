import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import type { LocalizedText } from '../errors/localized.js';
import { COMMON_PASSWORD, COMMON_PASSWORDS_CN, PRODUCT_NAME, barePassword, foldPassword, passwordProblems } from './password-policy.js';

/**
 * The whole check of a new password, for every place one is set (account creation, reset, one's
 * own change, the create-admin CLI): the shape rules of `passwordProblems`, then how guessable it
 * is, estimated by zxcvbn-ts against its shipped dictionary of ~40,000 common and breached
 * passwords (`@zxcvbn-ts/language-common`, MIT, from public breach corpora and the original
 * Dropbox zxcvbn lists), common diceware words, keyboard patterns, dates, sequences and l33t
 * variants — plus the commonly used Chinese passwords of `COMMON_PASSWORDS_CN`, the username and
 * the product's name. A password must need at least 10^8 guesses (zxcvbn score 3, "safely
 * unguessable" against a throttled online attack); an exact match of a listed password is named
 * as such. Kept apart from `passwordProblems` (and out of the package's index) because the
 * dictionary weighs ~300 kB: the API imports it; the portal may load it lazily.
 */
export const PASSWORD_MIN_GUESSES_LOG10 = 8;

/**
 * zxcvbn's cost grows faster than the length (a 128-character `p@$$w0rd` repeated took ~320 ms
 * of blocking CPU): it estimates only the first characters. A password whose beginning is
 * already hard to guess is at least as hard as a whole; one whose beginning is guessable is
 * refused, as it should be, since more of the same adds little.
 */
export const ESTIMATED_PREFIX_LENGTH = 40;

let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, 'passwords-cn': [...COMMON_PASSWORDS_CN], userInputs: [PRODUCT_NAME] },
    graphs: adjacencyGraphs,
  });
  return estimator;
}

const GUESSABLE: LocalizedText = {
  'zh-CN': '密码太容易被猜中（由常用密码、单词、姓名、日期、键盘排列或连续字符组成），请加长或换成几个不相关的词',
  en: 'That password is too easy to guess (made of common passwords, words, names, dates, keyboard patterns or sequences); make it longer or use several unrelated words',
};

/** Every problem with a new password for the account `username` (none: it may be set). */
export function newPasswordProblems(password: string, username?: string): LocalizedText[] {
  const problems = passwordProblems(password, username);
  // Too short or too long already says what to do; a 128+-character string is not estimated.
  if (problems.length) return problems;
  // Compared as folded (full-width, case, look-alikes, invisible characters and spaces): a
  // dictionary password spelt differently is still that password.
  const folded = [...foldPassword(password)].slice(0, ESTIMATED_PREFIX_LENGTH).join('');
  const inputs = username ? [foldPassword(username), barePassword(username), ...foldPassword(username).split(/[._-]+/).filter((part) => part.length >= 3)] : [];
  const result = zxcvbn().check(folded, inputs);
  const whole = result.sequence.length === 1 && result.sequence[0].pattern === 'dictionary' && result.sequence[0].token.length === folded.length;
  const dictionary: unknown = result.sequence[0].dictionaryName;
  if (whole && !(typeof dictionary === 'string' && dictionary.startsWith('userInputs'))) return [COMMON_PASSWORD];
  if (result.guessesLog10 < PASSWORD_MIN_GUESSES_LOG10) return [GUESSABLE];
  return [];
}
