import { DEFAULT_LOCALE, REGION_LEVEL_LABELS, REGION_TYPE_LABELS, type RegionLevel, type RegionType } from '@sitenet/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { isLocale } from '#/i18n';

/** Unit-type and level names in the UI language, from the shared domain package. */
export function useRegionLabels() {
  const { locale } = useI18n();
  const current = computed(() => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE));
  return {
    typeLabel: (type: RegionType): string => REGION_TYPE_LABELS[type]?.[current.value] ?? type,
    levelLabel: (level: RegionLevel): string => REGION_LEVEL_LABELS[level]?.[current.value] ?? String(level),
  };
}
