import { DEFAULT_LOCALE, type LocalizedText } from '@sitenet/domain';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { ApiError } from '#/api/client';
import { isLocale } from '#/i18n';
import type { ErrorSummaryItem } from './error-summary';

/** A problem on a form: on one field (by name), or on the form as a whole (null). Kept in both languages. */
export interface FieldError {
  field: string | null;
  messages: LocalizedText;
}

/**
 * The API's answer as form errors: each issue on the field its path names (`body.password` →
 * `password`) when the form has it, else on the form; an error without issues is one form error.
 */
export function errorsFromApi(error: ApiError, fields: readonly string[]): FieldError[] {
  if (error.issues.length === 0) return [{ field: null, messages: error.messages }];
  return error.issues.map((issue) => {
    const path = issue.path.replace(/^body\.?/, '');
    const field = fields.find((candidate) => path === candidate || path.startsWith(`${candidate}.`)) ?? null;
    return { field, messages: issue.messages };
  });
}

/**
 * Error texts for a small form, in the UI language (they follow a language switch): per field
 * (the first problem) and as error-summary items linking to the field's control.
 */
export function useFieldErrors(controlIds: () => Record<string, string>) {
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

  return { errors, errorFor, summaryItems };
}
