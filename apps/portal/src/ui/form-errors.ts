import { DEFAULT_LOCALE, type LocalizedText } from '@sitenet/domain';
import { computed, nextTick, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { type ApiError, toApiError } from '#/api/client';
import { isLocale } from '#/i18n';
import type { ErrorSummaryItem } from './error-summary';

/** A problem on a form: on one field (by name), or on the form as a whole (null). Kept in both languages. */
export interface FieldError {
  field: string | null;
  messages: LocalizedText;
}

/**
 * The form field an API issue is about. The issue's path without `body.` names a field itself, a
 * part of one (`attributes.services.3` → `attributes.services`: the nearest field above it) or a
 * group of fields (`location` → `location.lat`, `rule` → `rule.shape`: the group's first field on
 * the form); null when no field on the form matches (`body` itself, a field not shown).
 * `pathOf` gives a field's path where the form names its fields otherwise (`value` → `rule.value`).
 */
export function fieldOfIssue<F extends string>(issuePath: string, fields: readonly F[], pathOf: (field: F) => string = (field) => field): F | null {
  const path = issuePath.replace(/^body\.?/, '');
  if (!path) return null;
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    const found = fields.find((field) => pathOf(field) === candidate);
    if (found !== undefined) return found;
  }
  return fields.find((field) => pathOf(field).startsWith(`${path}.`)) ?? null;
}

/**
 * The API's answer as form errors: each issue on the field it is about (see `fieldOfIssue`), or on
 * the form when none matches; an error without issues is one form error. Every form maps the API's
 * errors with this.
 */
export function errorsFromApi<F extends string>(
  error: ApiError,
  fields: readonly F[],
  pathOf?: (field: F) => string,
): Array<{ field: F | null; messages: LocalizedText }> {
  if (error.issues.length === 0) return [{ field: null, messages: error.messages }];
  return error.issues.map((issue) => ({ field: fieldOfIssue(issue.path, fields, pathOf), messages: issue.messages }));
}

/**
 * Error texts for a small form, in the UI language (they follow a language switch): per field
 * (the first problem) and as error-summary items linking to the field's control. `show` puts
 * errors on the form and then calls `focus` (the form's error summary, or its one field), so
 * keyboard and screen-reader users land where the errors are said. `submit` sends the form the
 * same way everywhere.
 */
export function useFieldErrors(controlIds: () => Record<string, string>, focus: () => unknown = () => undefined) {
  const { locale } = useI18n();
  const errors = ref<FieldError[]>([]);
  const current = computed(() => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE));

  const textOf = (error: FieldError): string => error.messages[current.value];
  function errorFor(field: string): string | undefined {
    const found = errors.value.find((error) => error.field === field);
    return found ? textOf(found) : undefined;
  }
  const summaryItems = computed<ErrorSummaryItem[]>(() =>
    errors.value.map((error) => {
      const targetId = error.field ? controlIds()[error.field] : undefined;
      return { text: textOf(error), ...(targetId ? { targetId } : {}) };
    }),
  );

  async function show(found: FieldError[]): Promise<void> {
    errors.value = found;
    await nextTick();
    await focus();
  }

  const busy = ref(false);
  /**
   * Sends the form unless it is busy sending: the problems the form found itself are shown instead
   * of sending; else the errors are cleared and `send` runs with `busy` set, and the API's refusal
   * is shown on the fields (by default each issue on the control it names, see `errorsFromApi`).
   */
  async function submit(
    problems: FieldError[],
    send: () => Promise<unknown>,
    refusal: (error: ApiError) => FieldError[] = (error) => errorsFromApi(error, Object.keys(controlIds())),
  ): Promise<void> {
    if (busy.value) return;
    if (problems.length > 0) return show(problems);
    errors.value = [];
    busy.value = true;
    try {
      await send();
    } catch (caught) {
      await show(refusal(toApiError(caught)));
    } finally {
      busy.value = false;
    }
  }

  return { errors, errorFor, summaryItems, show, busy, submit };
}
