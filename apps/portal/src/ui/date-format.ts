import { DEFAULT_LOCALE, type Locale } from '@sitenet/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isLocale } from '#/i18n';

/**
 * The UI language as a product locale, and dates as the pages show them in it: a day or a
 * timestamp as a medium date ("2025年6月3日"), a timestamp with its time; "未填写" for none, the
 * text as given when it does not parse.
 */
export function useDateFormat() {
  const { t, locale } = useI18n();
  const current = computed<Locale>(() => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE));
  const dateFormat = computed(() => new Intl.DateTimeFormat(current.value, { dateStyle: 'medium' }));
  const dateTimeFormat = computed(() => new Intl.DateTimeFormat(current.value, { dateStyle: 'medium', timeStyle: 'short' }));

  /** A day (YYYY-MM-DD, read as local midnight) or a timestamp as a date. */
  const formatDate = (iso: string | null): string => {
    if (!iso) return t('common.none');
    const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.value.format(date);
  };
  const formatDateTime = (iso: string | null): string => {
    if (!iso) return t('common.none');
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.value.format(date);
  };

  return { locale: current, formatDate, formatDateTime };
}
