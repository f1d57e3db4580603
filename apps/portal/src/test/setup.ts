import { DEFAULT_LOCALE } from '@sitenet/domain';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '#/i18n';
import { pageAnnouncer } from '#/ui/live-message';

beforeEach(() => {
  localStorage.clear();
  i18n.global.locale.value = DEFAULT_LOCALE;
  document.documentElement.lang = DEFAULT_LOCALE;
  document.title = '';
});

afterEach(() => {
  pageAnnouncer.clear();
  document.body.innerHTML = '';
});
