import { DEFAULT_LOCALE, type Locale, periodLabel, PERIODICITY_LABELS, type Periodicity, REPORT_ACTION_LABELS, REPORT_STATUS_LABELS, type ReportStatus } from '@sitenet/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isLocale } from '#/i18n';

/** Words of the outcome pages taken from the domain (statuses, actions, periods), and date formats, in the UI language. */
export function useOutcomeLabels() {
  const { t, locale } = useI18n();
  const current = computed<Locale>(() => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE));

  const statusLabel = (status: ReportStatus): string => REPORT_STATUS_LABELS[status]?.[current.value] ?? status;
  const actionLabel = (action: string): string => REPORT_ACTION_LABELS[action as keyof typeof REPORT_ACTION_LABELS]?.[current.value] ?? action;
  const period = (key: string): string => periodLabel(key)[current.value];
  const periodicityLabel = (periodicity: Periodicity): string => PERIODICITY_LABELS[periodicity][current.value];

  const dateFormat = computed(() => new Intl.DateTimeFormat(current.value, { dateStyle: 'medium' }));
  const dateTimeFormat = computed(() => new Intl.DateTimeFormat(current.value, { dateStyle: 'medium', timeStyle: 'short' }));
  /** A day (YYYY-MM-DD) or a timestamp as a date; "未填写" for none. */
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

  return { locale: current, statusLabel, actionLabel, period, periodicityLabel, formatDate, formatDateTime };
}
