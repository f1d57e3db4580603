import { DEFAULT_LOCALE } from '@sitenet/domain';
import { afterEach, beforeEach } from 'vitest';
import { configureRetries, connectSession } from '#/api/client';
import { i18n } from '#/i18n';
import { pageAnnouncer } from '#/ui/live-message';

beforeEach(() => {
  // A failed GET fails at once in tests (api/client.spec.ts turns the automatic retries on).
  configureRetries([]);
  localStorage.clear();
  sessionStorage.clear();
  i18n.global.locale.value = DEFAULT_LOCALE;
  document.documentElement.lang = DEFAULT_LOCALE;
  document.title = '';
});

afterEach(() => {
  connectSession(null);
  pageAnnouncer.clear();
  document.body.innerHTML = '';
});
