import type { LocalizedText, Site } from '@sitenet/domain';
import { computed, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { FieldDescriptor } from '#/features/kinds/fields';
import { type FormValue, formatValue, fromFormValue } from '#/features/kinds/values';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { type ClientProblem, type ConflictRow, type FormValues, isRegionPath, valuesFromSite } from './form-model';
import { useSiteLabels } from './labels';

/** A problem shown on the form: found by the client, or reported by the API (in both languages). */
export type FormError =
  | { path: string | null; kind: 'client'; problem: ClientProblem }
  | { path: string | null; kind: 'api'; messages: LocalizedText };

const CHOICE_CONTROLS = new Set(['select', 'radio', 'checkboxes']);

/** Error texts in the UI language (they follow a language switch), per field and for the summary. */
export function useFormErrors(errors: Ref<FormError[]>, fields: Ref<FieldDescriptor[]>) {
  const { t } = useI18n();
  const { locale } = useSiteLabels();

  function problemText(problem: ClientProblem): string {
    const field = fields.value.find((candidate) => candidate.path === problem.path);
    const itemIndex = field ? -1 : Number(problem.path.split('.').pop());
    const label =
      itemIndex >= 0 && !Number.isNaN(itemIndex)
        ? t('sites.form.itemLabel', { label: problem.label[locale.value], n: itemIndex + 1 })
        : problem.label[locale.value];
    if (problem.code === 'regionLevel') return t('sites.form.problems.regionLevel');
    if (problem.code === 'schema' && problem.messages) return problem.messages[locale.value];
    const isChoice = isRegionPath(problem.path) || problem.path === 'kind' || (field !== undefined && CHOICE_CONTROLS.has(field.control));
    const key = problem.code === 'required' && isChoice ? 'requiredChoice' : problem.code;
    return t(`sites.form.problems.${key}`, { label, limit: problem.limit ?? '' });
  }

  function errorText(error: FormError): string {
    return error.kind === 'api' ? error.messages[locale.value] : problemText(error.problem);
  }

  /** The first message about a field (or list item), if any. */
  function errorFor(path: string): string | undefined {
    const error = errors.value.find((candidate) => candidate.path === path);
    return error ? errorText(error) : undefined;
  }

  return { errorText, errorFor };
}

/** The rows of the 409 notice: each field someone else changed, with their value and the form's. */
export function useConflictRows(
  conflict: Ref<{ latest: Site; theirs: string[]; both: string[] } | null>,
  values: Ref<FormValues>,
  fields: Ref<FieldDescriptor[]>,
) {
  const labels = useSiteLabels();
  const regions = useRegionLookupStore();

  function display(field: FieldDescriptor, value: FormValue | undefined): string {
    if (isRegionPath(field.path)) return typeof value === 'string' && value ? regions.pathOf(value).join(' ') : labels.words.value.none;
    const converted = fromFormValue(field, value ?? '');
    return formatValue(field, converted.present ? converted.value : null, labels.locale.value, labels.words.value);
  }

  return computed<ConflictRow[]>(() => {
    if (!conflict.value) return [];
    const kindFields = fields.value.filter((field) => field.path.startsWith('attributes.'));
    const latest = valuesFromSite(conflict.value.latest, kindFields);
    return conflict.value.theirs.flatMap((path) => {
      const field = fields.value.find((candidate) => candidate.path === path);
      if (!field) return [];
      return [
        {
          path,
          label: field.label[labels.locale.value],
          theirs: display(field, latest[path]),
          mine: display(field, values.value[path]),
          both: conflict.value!.both.includes(path),
        },
      ];
    });
  });
}
