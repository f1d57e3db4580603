import { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import type { FieldIssue } from './api-error.js';
import type { Locale, LocalizedText } from './localized.js';

const localeMaps = { 'zh-CN': zhCN().localeError, en: en().localeError } as const;

/** At most this many issues are reported for one request; the rest are only counted. */
export const MAX_REPORTED_ISSUES = 20;
/** At most this many unknown keys are named in one issue. */
const MAX_NAMED_KEYS = 5;
/** Path segments and named keys longer than this are cut: an error never echoes large input. */
const MAX_SEGMENT = 40;

/**
 * Our own messages, in both languages. A schema check passes `localizedIssue({...})` as its
 * options; zod keeps the English text as the issue's message, and this registry finds the
 * Chinese beside it when the issue is turned into a field issue. Only for fixed texts declared
 * with schemas: an issue raised at run time (a refinement, a kind's rule) carries its words in
 * `params.messages` instead, so nothing here grows with requests.
 *
 * The registry is keyed on the English text, so two declarations with the same English and
 * different Chinese would silently show one Chinese text for both: that is refused when the
 * second is declared (at module load), never discovered by a user.
 */
const ownMessages = new Map<string, LocalizedText>();

export class LocalizedIssueConflictError extends Error {}

export function localizedIssue(messages: LocalizedText): { message: string } {
  const known = ownMessages.get(messages.en);
  if (known && known['zh-CN'] !== messages['zh-CN']) {
    throw new LocalizedIssueConflictError(`Two messages share the English text "${messages.en}" with different Chinese ("${known['zh-CN']}", "${messages['zh-CN']}"): word them apart`);
  }
  ownMessages.set(messages.en, messages);
  return { message: messages.en };
}

/** Cuts a piece of input named in an error to a few characters. */
export function clip(text: string, max = MAX_SEGMENT): string {
  const chars = Array.from(text.length > max * 2 + 2 ? text.slice(0, max * 2 + 2) : text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

const PATTERN_MISMATCH: LocalizedText = { 'zh-CN': '格式不正确', en: 'The format is not valid' };

function messageFor(issue: z.core.$ZodIssue, locale: Locale): string {
  const own = (issue as { params?: { messages?: LocalizedText } }).params?.messages ?? ownMessages.get(issue.message);
  if (own) return own[locale];
  if (issue.code === 'unrecognized_keys') {
    const named = issue.keys.slice(0, MAX_NAMED_KEYS).map((key) => clip(key)).join(', ');
    const more = issue.keys.length - MAX_NAMED_KEYS;
    if (locale === 'zh-CN') return `不允许的字段：${named}${more > 0 ? ` 等 ${issue.keys.length} 个` : ''}`;
    return `Unknown field(s): ${named}${more > 0 ? ` and ${more} more` : ''}`;
  }
  // Never show a regular expression to a person: a schema that checks a pattern should say what
  // it wants (localizedIssue); this is the fallback for one that does not.
  if (issue.code === 'invalid_format' && (issue as { format?: string }).format === 'regex') return PATTERN_MISMATCH[locale];
  const mapped = localeMaps[locale](issue as never);
  if (typeof mapped === 'string') return mapped;
  if (mapped && typeof mapped === 'object' && 'message' in mapped && mapped.message) return mapped.message;
  return issue.message;
}

/**
 * Turns zod's issues into field issues carrying both languages. Parse with
 * `{ reportInput: true }` so that type errors can name what was received. Paths are clipped,
 * so a huge key never comes back in an error.
 */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[], locale: Locale, prefix?: string): FieldIssue[] {
  return issues.map((issue) => {
    const parts = issue.path.map((part) => clip(String(part)));
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) parts.push(clip(issue.keys[0]));
    const path = [prefix, ...parts].filter(Boolean).join('.');
    const messages: LocalizedText = { 'zh-CN': messageFor(issue, 'zh-CN'), en: messageFor(issue, 'en') };
    return { path, code: issue.code, message: messages[locale], messages };
  });
}
