import {
  BARRIER_FREE_FEATURES,
  BARRIER_FREE_LABELS,
  type BarrierFreeFeature,
  DEFAULT_LOCALE,
  type Locale,
  SITE_STATUS_LABELS,
  SITE_STATUSES,
  type SiteStatus,
} from '@sitenet/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isLocale } from '#/i18n';
import { useKindsStore } from '#/features/kinds/store';
import type { DisplayWords } from '#/features/kinds/values';
import type { SiteSort } from './query';

/** i18n keys of the sort options, in the order the select offers them. */
export const SORT_LABEL_KEYS: Record<SiteSort, string> = {
  '-updatedAt': 'sites.list.sortUpdatedDesc',
  updatedAt: 'sites.list.sortUpdatedAsc',
  name: 'sites.list.sortNameAsc',
  '-name': 'sites.list.sortNameDesc',
  '-openedOn': 'sites.list.sortOpenedDesc',
  openedOn: 'sites.list.sortOpenedAsc',
  '-createdAt': 'sites.list.sortCreatedDesc',
  createdAt: 'sites.list.sortCreatedAsc',
};

/** Labels of statuses, barrier-free features and kinds, and date formats, in the UI language. */
export function useSiteLabels() {
  const { t, locale } = useI18n();
  const kinds = useKindsStore();
  const current = computed<Locale>(() => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE));

  const statusLabel = (status: SiteStatus): string => SITE_STATUS_LABELS[status]?.[current.value] ?? status;
  const barrierFreeLabel = (feature: BarrierFreeFeature): string => BARRIER_FREE_LABELS[feature]?.[current.value] ?? feature;
  const kindLabel = (code: string): string => kinds.labelOf(code, current.value);

  const dateFormat = computed(() => new Intl.DateTimeFormat(current.value, { dateStyle: 'medium' }));
  const dateTimeFormat = computed(() => new Intl.DateTimeFormat(current.value, { dateStyle: 'medium', timeStyle: 'short' }));
  /** A timestamp as a date ("2025年6月3日"); the text as given when it does not parse. */
  const formatDate = (iso: string | null): string => {
    if (!iso) return t('common.none');
    const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.value.format(date);
  };
  const formatDateTime = (iso: string): string => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.value.format(date);
  };
  const words = computed<DisplayWords>(() => ({
    yes: t('common.yes'),
    no: t('common.no'),
    none: t('common.none'),
    listSeparator: t('common.listSeparator'),
  }));

  return {
    locale: current,
    statuses: SITE_STATUSES,
    barrierFreeFeatures: BARRIER_FREE_FEATURES,
    statusLabel,
    barrierFreeLabel,
    kindLabel,
    formatDate,
    formatDateTime,
    words,
  };
}
