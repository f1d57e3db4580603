import { DEFAULT_LOCALE, LOCALES, type Locale, type LocalizedText } from '@sitenet/domain';
import { siteFieldMessages } from '@sitenet/domain/schemas';
import { createI18n } from 'vue-i18n';
import coverageEn from '#/features/coverage/messages/en.json';
import coverageZhCN from '#/features/coverage/messages/zh-CN.json';
import importsEn from '#/features/imports/messages/en.json';
import importsZhCN from '#/features/imports/messages/zh-CN.json';
import offlineEn from '#/features/offline/messages/en.json';
import offlineZhCN from '#/features/offline/messages/zh-CN.json';
import outcomesEn from '#/features/outcomes/messages/en.json';
import outcomesZhCN from '#/features/outcomes/messages/zh-CN.json';
import shellEn from './en.json';
import shellZhCN from './zh-CN.json';

/**
 * The shell's messages, each feature's own message files, and the common site fields' texts
 * (`sites.fields.*`, written once in the domain's SITE_FIELD_TEXTS, which the spreadsheets use
 * too), merged (key sets checked by tests).
 */
function withSiteFieldTexts<Shell extends { sites: { fields: object } }>(shell: Shell, locale: Locale) {
  return { ...shell, sites: { ...shell.sites, fields: { ...shell.sites.fields, ...siteFieldMessages(locale) } } };
}
const zhCN = { ...withSiteFieldTexts(shellZhCN, 'zh-CN'), ...coverageZhCN, ...importsZhCN, ...outcomesZhCN, ...offlineZhCN };
const en = { ...withSiteFieldTexts(shellEn, 'en'), ...coverageEn, ...importsEn, ...outcomesEn, ...offlineEn };

export type MessageSchema = typeof zhCN;

declare module 'vue-i18n' {
  // Typed keys for `t()`: zh-CN is the reference; en.json must have the same keys (i18n.spec.ts).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- vue-i18n's augmentation point: an interface, extended
  export interface DefineLocaleMessage extends MessageSchema {}
}

export const LOCALE_STORAGE_KEY = 'sitenet.locale';

export const messages: Record<Locale, MessageSchema> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The locale the user chose before (localStorage), else the product default (zh-CN). */
export function storedLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE; // storage disabled (privacy mode): fall back quietly
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
});

export function currentLocale(): Locale {
  const locale = i18n.global.locale.value;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** Switches the UI language, remembers it, and tells assistive technology via `<html lang>`. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

/** A message in a given locale regardless of the UI locale (e.g. to fill both sides of LocalizedText). */
export function messageIn(locale: Locale, key: string, named: Record<string, unknown> = {}): string {
  return i18n.global.t(key, named, { locale });
}

/** A message in both languages, for errors kept across a language switch (`{ 'zh-CN': …, en: … }`). */
export function localized(key: string, named: Record<string, unknown> = {}): LocalizedText {
  return { 'zh-CN': messageIn('zh-CN', key, named), en: messageIn('en', key, named) };
}
