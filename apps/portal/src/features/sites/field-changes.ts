import { BARRIER_FREE_FEATURES, type BarrierFreeFeature, type FieldChange } from '@sitenet/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { useKindsStore } from '#/features/kinds/store';
import { formatValue } from '#/features/kinds/values';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { useSiteLabels } from './labels';

/**
 * i18n keys of the common fields, by the dotted path a FieldChange names (the API's
 * `editableFields`); the kind's fields (`attributes.*`) are labelled by their schema.
 */
export const COMMON_FIELD_LABEL_KEYS: Record<string, string> = {
  name: 'sites.fields.name',
  regionCode: 'sites.fields.regionPath',
  address: 'sites.fields.address',
  location: 'sites.fields.coordinates',
  'location.lat': 'sites.fields.lat',
  'location.lng': 'sites.fields.lng',
  locationSource: 'sites.fields.locationSource',
  operator: 'sites.detail.operator',
  'operator.name': 'sites.fields.operatorName',
  'operator.creditCode': 'sites.fields.creditCode',
  contact: 'sites.detail.contact',
  'contact.person': 'sites.fields.person',
  'contact.phone': 'sites.fields.phone',
  openedOn: 'sites.fields.openedOn',
  barrierFree: 'sites.fields.barrierFree',
};

/** Region codes among the values of changes, so their names can be fetched before showing them. */
export function regionCodesIn(changes: readonly FieldChange[]): string[] {
  return changes
    .filter((change) => change.field === 'regionCode')
    .flatMap((change) => [change.from, change.to])
    .filter((code): code is string => typeof code === 'string' && code !== '');
}

/**
 * Labels and displayed values of changed fields (diff table, history), in the UI language and
 * formatted as the detail page formats them.
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
    const key = COMMON_FIELD_LABEL_KEYS[path];
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
    switch (path) {
      case 'regionCode':
        return typeof value === 'string' ? regions.pathOf(value).join(' › ') : plain(value);
      case 'openedOn':
        return typeof value === 'string' ? labels.formatDate(value) : plain(value);
      case 'locationSource':
        return value === 'gcj02' ? t('sites.fields.systemGcj02') : value === 'wgs84' ? t('sites.fields.systemWgs84') : plain(value);
      case 'barrierFree':
        if (!Array.isArray(value) || value.length === 0) return words.none;
        return value
          .map((feature) => ((BARRIER_FREE_FEATURES as readonly unknown[]).includes(feature) ? labels.barrierFreeLabel(feature as BarrierFreeFeature) : String(feature)))
          .join(words.listSeparator);
      default:
        return plain(value);
    }
  }

  return { label, display };
}
