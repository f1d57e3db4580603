import { z } from 'zod';
import { en, zhCN } from 'zod/locales';
import type { FieldIssue } from './api-error.js';
import type { Locale, LocalizedText } from './localized.js';

const localeMaps = { 'zh-CN': zhCN().localeError, en: en().localeError } as const;

/**
 * Our own messages, in both languages. A schema check passes `localizedIssue({...})` as its
 * options; zod keeps the English text as the issue's message, and this registry finds the
 * Chinese beside it when the issue is turned into a field issue. Only for fixed texts declared
 * with schemas: an issue raised at run time (a refinement, a kind's rule) carries its words in
 * `params.messages` instead, so nothing here grows with requests.
 */
const ownMessages = new Map<string, LocalizedText>();

export function localizedIssue(messages: LocalizedText): { message: string } {
  ownMessages.set(messages.en, messages);
  return { message: messages.en };
}

function messageFor(issue: z.core.$ZodIssue, locale: Locale): string {
  const own = (issue as { params?: { messages?: LocalizedText } }).params?.messages ?? ownMessages.get(issue.message);
  if (own) return own[locale];
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.join(', ');
    return locale === 'zh-CN' ? `不允许的字段：${keys}` : `Unknown field(s): ${keys}`;
  }
  const mapped = localeMaps[locale](issue as never);
  if (typeof mapped === 'string') return mapped;
  if (mapped && typeof mapped === 'object' && 'message' in mapped && mapped.message) return mapped.message;
  return issue.message;
}

/**
 * Turns zod's issues into field issues carrying both languages. Parse with
 * `{ reportInput: true }` so that type errors can name what was received.
 */
export function toFieldIssues(issues: readonly z.core.$ZodIssue[], locale: Locale, prefix?: string): FieldIssue[] {
  return issues.map((issue) => {
    const parts = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) parts.push(issue.keys[0]!);
    const path = [prefix, ...parts].filter(Boolean).join('.');
    const messages: LocalizedText = { 'zh-CN': messageFor(issue, 'zh-CN'), en: messageFor(issue, 'en') };
    return { path, code: issue.code, message: messages[locale], messages };
  });
}
