import { describe, expect, it, vi } from 'vitest';
import { changchunScenario, childrenResponse } from '#/features/regions/test-factories';
import { LOCALE_STORAGE_KEY, storedLocale } from '#/i18n';
import { mountSettled } from '#/test/app';
import { jsonResponse, stubFetch } from '#/test/http';

async function mountApp() {
  const { changchun, children } = changchunScenario();
  stubFetch(() => jsonResponse(childrenResponse(changchun, children)));
  return mountSettled(`/regions/${changchun.code}`);
}

describe('language switch', () => {
  it('switches the UI to English: <html lang>, texts, unit-type labels, title and the stored choice', async () => {
    const { wrapper } = await mountApp();
    const button = wrapper.get('[data-testid="language-switch"]');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(wrapper.get('header').text()).toContain('残疾人就业服务网点');
    // A real button whose name says what it does, with the target language marked up as such.
    expect(button.element.tagName).toBe('BUTTON');
    expect(button.text()).toBe('切换界面语言：English');
    expect(button.get('[lang="en"]').text()).toBe('English');

    await button.trigger('click');

    expect(document.documentElement.lang).toBe('en');
    expect(wrapper.get('header').text()).toContain('Disability Employment Service Sites');
    expect(wrapper.get('.skip-link').text()).toBe('Skip to main content');
    expect(wrapper.get('nav').attributes('aria-label')).toBe('Main');
    expect(wrapper.get('[data-testid="region-summary"]').text()).toBe(
      'Prefecture-level city (Prefecture level), 3 subdivisions, code 220100',
    );
    expect(wrapper.get('[data-code="220171"] [data-testid="statistical-tag"]').text()).toBe('Statistical only');
    expect(document.title).toBe('长春市 – Disability Employment Service Sites');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(storedLocale()).toBe('en');
    expect(wrapper.get('[data-testid="language-switch"]').text()).toBe('Change language: 中文');
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="live-announcer"]').text()).toBe('The interface is now in English.'),
    );

    await wrapper.get('[data-testid="language-switch"]').trigger('click');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(wrapper.get('h2').text()).toBe('下级区划');
  });

  it('ignores a stored value that is not a product locale', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(storedLocale()).toBe('zh-CN');
  });
});

describe('app shell', () => {
  it('has the skip link first, then banner, labelled navigation and a focusable main', async () => {
    const { wrapper } = await mountApp();
    const focusables = wrapper.element.parentElement!.querySelectorAll('a[href], button, input');
    const skip = focusables[0] as HTMLAnchorElement;
    expect(skip.textContent).toBe('跳到主要内容');
    expect(skip.getAttribute('href')).toBe('#main');
    expect(wrapper.findAll('header')).toHaveLength(1);
    expect(wrapper.get('nav.app-nav').attributes('aria-label')).toBe('主导航');
    const main = wrapper.get('main');
    expect(main.attributes('id')).toBe('main');
    expect(main.attributes('tabindex')).toBe('-1');
    expect(main.findAll('h1')).toHaveLength(1);

    await wrapper.get('.skip-link').trigger('click');
    expect(document.activeElement).toBe(main.element);
  });
});
