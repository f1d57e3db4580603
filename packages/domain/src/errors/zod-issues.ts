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

/** Where an issue carries its own words in both languages. */
interface OwnWords {
  params?: { messages?: LocalizedText; [key: string]: unknown };
}

/**
 * The options a schema check takes to say what it wants in both languages, e.g.
 * `z.string().regex(pattern, localizedIssue({ 'zh-CN': '只能是数字', en: 'Digits only' }))` or
 * `.refine(test, { ...localizedIssue(words), path: ['deadline'] })`.
 *
 * The issue carries its own words: zod asks the check's `error` for the message when it raises
 * the issue, and that call writes both texts into the issue's `params.messages` (where a
 * refinement raised at run time puts them too) before returning the English one as zod's
 * message. zod 4 gives built-in checks (min, max, regex, date) no `params` of their own, which is
 * why the words ride on the error call; zod-issues.spec.ts fails if a zod upgrade stops copying
 * them. Nothing is looked up by the English text, so two checks may share an English message and
 * differ in Chinese.
 */
export function localizedIssue(messages: LocalizedText): { error: (issue: object) => string } {
  return {
    error: (issue) => {
      const raw = issue as OwnWords;
      raw.params = { ...raw.params, messages };
      return messages.en;
    },
  };
}

/** Cuts a piece of input named in an error to a few characters. */
export function clip(text: string, max = MAX_SEGMENT): string {
  const chars = Array.from(text.length > max * 2 + 2 ? text.slice(0, max * 2 + 2) : text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

const PATTERN_MISMATCH: LocalizedText = { 'zh-CN': '格式不正确', en: 'The format is not valid' };

function messageFor(issue: z.core.$ZodIssue, locale: Locale): string {
  const own = (issue as OwnWords).params?.messages;
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
