import type { FieldChange } from '@sitenet/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useKindsStore } from '#/features/kinds/store';
import { formatValue } from '#/features/kinds/values';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { optionLabels, shownFields } from './common-fields';
import { useSiteLabels } from './labels';

/** What readers see of the common fields (COMMON_SITE_FIELDS' `shown`), by the dotted path a FieldChange names. */
const SHOWN = shownFields();

/** Region codes among the values of changes, so their names can be fetched before showing them. */
export function regionCodesIn(changes: readonly FieldChange[]): string[] {
  return changes
    .filter((change) => SHOWN.get(change.field)?.display === 'region')
    .flatMap((change) => [change.from, change.to])
    .filter((code): code is string => typeof code === 'string' && code !== '');
}

/**
 * Labels and displayed values of site fields (detail page, diff table, history), in the UI
 * language: common fields as their declaration says (`shown`), the kind's by its schema.
 */
export function useFieldChanges(kindCode: () => string) {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- vue-i18n's composer functions are closures, meant to be destructured
  const { t, te } = useI18n();
  const kinds = useKindsStore();
  const regions = useRegionLookupStore();
  const labels = useSiteLabels();
  const numberFormat = computed(() => new Intl.NumberFormat(labels.locale.value, { maximumFractionDigits: 6 }));

  const kindField = (path: string) => kinds.fieldsOf(kindCode()).find((field) => field.path === path);

  function label(path: string): string {
    if (path.startsWith('attributes.')) return kindField(path)?.label[labels.locale.value] ?? path.slice('attributes.'.length);
    if (path === 'attributes') return t('sites.detail.kindFields', { kind: labels.kindLabel(kindCode()) });
    const key = SHOWN.get(path)?.label;
    return key && te(key) ? t(key) : path;
  }

  function plain(value: unknown): string {
    const words = labels.words.value;
    if (value === null || value === undefined || value === '') return words.none;
    if (typeof value === 'boolean') return value ? words.yes : words.no;
    if (typeof value === 'number') return numberFormat.value.format(value);
    if (Array.isArray(value)) return value.length ? value.map(plain).join(words.listSeparator) : words.none;
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  function display(path: string, value: unknown): string {
    const words = labels.words.value;
    if (value === null || value === undefined || value === '') return words.none;
    if (path.startsWith('attributes.')) {
      const field = kindField(path);
      return field ? formatValue(field, value, labels.locale.value, words) : plain(value);
    }
    const shown = SHOWN.get(path);
    switch (shown?.display) {
      case 'region':
        return typeof value === 'string' ? regions.pathOf(value).join(' › ') : plain(value);
      case 'date':
        return typeof value === 'string' ? labels.formatDate(value) : plain(value);
      case 'coordinates': {
        const point = value as { lat?: unknown; lng?: unknown };
        return typeof point.lat === 'number' && typeof point.lng === 'number'
          ? t('sites.fields.coordinatesValue', { lat: numberFormat.value.format(point.lat), lng: numberFormat.value.format(point.lng) })
          : plain(value);
      }
      case 'choice':
      case 'choices': {
        const options = optionLabels(shown.options ?? {});
        const items = Array.isArray(value) ? value : [value];
        if (items.length === 0) return words.none;
        return items.map((item) => options[String(item)]?.[labels.locale.value] ?? String(item)).join(words.listSeparator);
      }
      default:
        return plain(value);
    }
  }

  return { label, display };
}
