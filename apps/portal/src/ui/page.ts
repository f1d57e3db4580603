import { nextTick, watch } from 'vue';
import type { Router } from 'vue-router';
import { i18n } from '#/i18n';
import { announce } from './live-message';

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page name, for document.title and the announcement. */
    titleKey?: string;
    /** The page sets its title and moves focus itself once its data is loaded (presentPage). */
    presentsItself?: boolean;
  }
}

const completedNavigations = new WeakMap<Router, number>();

/** The current page's name, as a getter so that a language switch can re-render it. */
let currentPageName: (() => string) | null = null;

/** Sets document.title to "<page> – 残疾人就业服务网点" (in the UI language). */
export function setDocumentTitle(page: string | (() => string)): void {
  currentPageName = typeof page === 'string' ? () => page : page;
  document.title = i18n.global.t('app.documentTitle', { page: currentPageName() });
}

// The product name in the title follows the UI language, even when the page name does not change.
watch(i18n.global.locale, () => {
  if (currentPageName) setDocumentTitle(currentPageName);
});

/**
 * Counts completed navigations (the first page load must not steal focus: the skip link has to
 * stay the first thing a keyboard user reaches) and presents pages that do not present themselves.
 */
export function installPagePresentation(router: Router): void {
  completedNavigations.set(router, 0);
  router.afterEach((to, _from, failure) => {
    if (failure) return;
    completedNavigations.set(router, (completedNavigations.get(router) ?? 0) + 1);
    if (to.meta.presentsItself || !to.meta.titleKey) return;
    const titleKey = to.meta.titleKey;
    void nextTick(() => {
      presentPage(router, { title: () => i18n.global.t(titleKey), heading: document.querySelector<HTMLElement>('main h1') });
    });
  });
}

export interface PagePresentation {
  /** The page's name: document.title becomes "<title> – 残疾人就业服务网点". A getter follows the language. */
  title: string | (() => string);
  /** The page's h1 (tabindex="-1"); focus moves there so screen readers say where the user is. */
  heading: HTMLElement | null | undefined;
  /** What the polite live region says; defaults to the title. */
  announcement?: string;
  /** Move focus even on the first page load (e.g. after "retry", whose button disappears). */
  force?: boolean;
}

export function isFirstPage(router: Router): boolean {
  return (completedNavigations.get(router) ?? 0) <= 1;
}

/** Title, focus and announcement for a page that has just been shown. */
export function presentPage(router: Router, page: PagePresentation): void {
  setDocumentTitle(page.title);
  if (!page.force && isFirstPage(router)) return;
  page.heading?.focus();
  announce(page.announcement ?? (typeof page.title === 'string' ? page.title : page.title()));
}
