import type { Locale } from '@sitenet/domain';
import { type FieldDescriptor, optionLabel } from './fields';

/**
 * Values between the API and the form controls (pure). A form holds what inputs hold — text as
 * typed, booleans, lists of strings — and turns it into API values only when it is sent.
 */
export type FormValue = string | boolean | string[];

/** What the field holds before the user touches it (the schema's default, else empty). */
export function initialValue(field: FieldDescriptor): FormValue {
  return toFormValue(field, field.default);
}

/** An API value as the field's control holds it. */
export function toFormValue(field: FieldDescriptor, value: unknown): FormValue {
  switch (field.control) {
    case 'checkbox':
    case 'switch':
      return value === true;
    case 'checkboxes':
    case 'list':
      return Array.isArray(value) ? value.map((item) => String(item)) : [];
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

export type ApiValue = { present: true; value: unknown } | { present: false };

const ABSENT: ApiValue = { present: false };

/** Parses a number the way people type it: full-width digits, a comma as decimal mark, spaces. */
export function parseNumber(text: string): number | null {
  const normalized = text
    .trim()
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[，,]/g, '.')
    .replace(/\s/g, '');
  if (normalized === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

function emptyValue(field: FieldDescriptor): ApiValue {
  return field.nullable ? { present: true, value: null } : ABSENT;
}

/**
 * The value to send for a field, or `present: false` to leave the key out (an empty optional
 * field). Unparseable numbers are sent as typed, so the API names the problem if the client did not.
 */
export function fromFormValue(field: FieldDescriptor, value: FormValue): ApiValue {
  switch (field.control) {
    case 'checkbox':
    case 'switch':
      return { present: true, value: value === true };
    case 'checkboxes':
    case 'list':
      return { present: true, value: Array.isArray(value) ? [...value] : [] };
    case 'number': {
      const text = typeof value === 'string' ? value : '';
      if (text.trim() === '') return emptyValue(field);
      const parsed = parseNumber(text);
      return { present: true, value: parsed ?? text };
    }
    case 'unsupported':
      return ABSENT;
    default: {
      const text = typeof value === 'string' ? value : '';
      return text.trim() === '' ? emptyValue(field) : { present: true, value: text };
    }
  }
}

/** A problem the client can see without asking the API; `limit` for the bounds. */
export interface FieldProblem {
  /** The dotted path of the control at fault (an item of a list has its own). */
  path: string;
  code: 'required' | 'notNumber' | 'notInteger' | 'min' | 'max' | 'tooLong' | 'tooShort' | 'minItems' | 'maxItems' | 'blankItem' | 'invalidDate';
  limit?: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** The obvious checks only (required, number ranges, lengths, item counts); the API checks everything. */
export function checkField(field: FieldDescriptor, value: FormValue): FieldProblem[] {
  const problem = (code: FieldProblem['code'], limit?: number, path = field.path): FieldProblem[] => [
    limit === undefined ? { path, code } : { path, code, limit },
  ];
  switch (field.control) {
    case 'number': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '') return field.required ? problem('required') : [];
      const parsed = parseNumber(text);
      if (parsed === null) return problem('notNumber');
      if (field.integer && !Number.isInteger(parsed)) return problem('notInteger');
      if (field.min !== undefined && (parsed < field.min || (field.exclusiveMin && parsed === field.min))) return problem('min', field.min);
      if (field.max !== undefined && (parsed > field.max || (field.exclusiveMax && parsed === field.max))) return problem('max', field.max);
      return [];
    }
    case 'text':
    case 'textarea':
    case 'date': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '') return field.required ? problem('required') : [];
      if (field.control === 'date' && !isIsoDate(text)) return problem('invalidDate');
      if (field.maxLength !== undefined && [...text].length > field.maxLength) return problem('tooLong', field.maxLength);
      if (field.minLength !== undefined && [...text].length < field.minLength) return problem('tooShort', field.minLength);
      return [];
    }
    case 'select':
    case 'radio':
      return field.required && value === '' ? problem('required') : [];
    case 'checkboxes':
    case 'list': {
      const items = Array.isArray(value) ? value : [];
      if (field.control === 'list') {
        const itemProblems = items.flatMap((item, index): FieldProblem[] => {
          const path = `${field.path}.${index}`;
          const length = [...item.trim()].length;
          if (length === 0) return problem('blankItem', undefined, path);
          if (field.itemMaxLength !== undefined && length > field.itemMaxLength) return problem('tooLong', field.itemMaxLength, path);
          return [];
        });
        if (itemProblems.length > 0) return itemProblems;
      }
      if (items.length === 0 && field.required) return problem('required');
      if (field.minItems !== undefined && items.length < field.minItems) return problem('minItems', field.minItems);
      if (field.maxItems !== undefined && items.length > field.maxItems) return problem('maxItems', field.maxItems);
      return [];
    }
    default:
      return [];
  }
}

export interface DisplayWords {
  yes: string;
  no: string;
  /** Shown for a value that was not given. */
  none: string;
  /** Between items of a list ("、" in Chinese, ", " in English). */
  listSeparator: string;
}

/** A stored value as a reader sees it: option labels for enums, 是/否 for booleans, numbers with their unit. */
export function formatValue(field: FieldDescriptor, value: unknown, locale: Locale, words: DisplayWords): string {
  if (value === undefined || value === null || value === '') return words.none;
  switch (field.control) {
    case 'checkbox':
    case 'switch':
      return value === true ? words.yes : words.no;
    case 'number': {
      if (typeof value !== 'number') return String(value);
      const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
      return field.unit ? `${number} ${field.unit[locale]}` : number;
    }
    case 'select':
    case 'radio':
      return optionLabel(field, String(value))[locale];
    case 'checkboxes':
    case 'list': {
      if (!Array.isArray(value) || value.length === 0) return words.none;
      const items = value.map((item) => (field.control === 'checkboxes' ? optionLabel(field, String(item))[locale] : String(item)));
      return items.join(words.listSeparator);
    }
    case 'unsupported':
      return typeof value === 'object' ? JSON.stringify(value) : String(value);
    default:
      return String(value);
  }
}
