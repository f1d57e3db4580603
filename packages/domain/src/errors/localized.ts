/** Text a user may see, in both languages the product ships. */
export interface LocalizedText {
  'zh-CN': string;
  en: string;
}

/**
 * The codes of a closed set declared by its label table (roles, grades, statuses...): the table
 * names each code once, with its labels, and the list follows the table's order, so a code cannot
 * be listed without labels or labelled without being listed. `z.enum()` takes the list.
 */
export function codesOf<Code extends string>(labels: Record<Code, LocalizedText>): readonly [Code, ...Code[]] {
  return Object.keys(labels) as [Code, ...Code[]];
}

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/**
 * Picks the product locale from an Accept-Language header: English when English is
 * preferred over Chinese, Chinese otherwise (the product's users are mostly Chinese readers).
 */
export function localeFromAcceptLanguage(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}
