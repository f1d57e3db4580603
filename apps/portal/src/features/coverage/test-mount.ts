import type { AccountSummary } from '@sitenet/domain';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { type Component, defineComponent, h } from 'vue';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter, RouterView } from 'vue-router';
import { installAuth } from '#/features/auth/install';
import { OUTCOME_ROLES } from '#/features/outcomes/routes';
import { provinceOfficial, session, storeTestSession } from '#/features/auth/test-factories';
import { messages } from '#/i18n';
import { installPagePresentation } from '#/ui/page';
import coverageEn from './messages/en.json';
import coverageZh from './messages/zh-CN.json';
import { coverageRoutes } from './routes';

/**
 * Mounts the coverage pages as the app will once router.ts and i18n/index.ts register them: the
 * app's messages with the coverage messages merged in, the coverage routes (plus stand-ins for
 * the pages they link to) behind the sign-in guard, a fresh Pinia, a signed-in session.
 */
export function coverageI18n() {
  return createI18n({
    legacy: false,
    locale: 'zh-CN',
    fallbackLocale: 'zh-CN',
    messages: { 'zh-CN': { ...messages['zh-CN'], ...coverageZh }, en: { ...messages.en, ...coverageEn } },
    missingWarn: false,
    fallbackWarn: false,
  });
}

const Stand = (name: string) => defineComponent({ name, render: () => h('p', { 'data-testid': `stand-in-${name}` }, name) });

export async function mountCoverage(path: string, { as = provinceOfficial() }: { as?: AccountSummary } = {}) {
  storeTestSession(session(as));
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      ...coverageRoutes,
      { path: '/', name: 'home', component: Stand('home') },
      { path: '/login', name: 'login', component: Stand('login'), meta: { public: true } },
      { path: '/sites', name: 'sites', component: Stand('sites') },
      { path: '/sites/:id', name: 'site', component: Stand('site') },
      { path: '/regions/:code', name: 'region', component: Stand('region') },
      // Where the sign-in guard sends roles that may not open a page (features/auth/homes.ts).
      { path: '/review', name: 'review', component: Stand('review') },
      { path: '/accounts', name: 'accounts', component: Stand('accounts') },
      // The outcome pages the dashboard links to, behind the roles they admit.
      { path: '/outcomes/completeness', name: 'outcome-completeness', component: Stand('outcome-completeness'), meta: { roles: OUTCOME_ROLES } },
    ],
  });
  installAuth(router);
  installPagePresentation(router);
  await router.push(path);
  await router.isReady();
  const Shell: Component = defineComponent({ render: () => h('main', { id: 'main' }, [h(RouterView)]) });
  const wrapper = mount(Shell, { attachTo: document.body, global: { plugins: [pinia, coverageI18n(), router] } });
  return { wrapper, router, pinia };
}
