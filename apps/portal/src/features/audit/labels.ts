import { ACCOUNT_AUDIT_ACTION_LABELS, type AccountAuditAction, type AccountAuditEntry, DEFAULT_LOCALE, ROLE_LABELS, type Role } from '@sitenet/domain';
import { useI18n } from 'vue-i18n';
import { isLocale } from '#/i18n';
import { useRegionLookupStore } from '#/features/regions/lookup';

/** The operators the API names (`operator: …`), by their i18n key. */
const OPERATOR_KEYS: Record<string, string> = {
  'server start': 'serverStart',
  'demo seed': 'demoSeed',
  'create-admin': 'createAdmin',
  'create-account': 'createAccount',
};

/** The reasons a start deactivated the demo accounts (`noteParams.reason`), by their i18n key. */
const DEMO_REASON_KEYS: Record<string, string> = {
  production: 'production',
  'seed-demo-off': 'seedDemoOff',
  host: 'host',
  'trust-proxy': 'trustProxy',
  removed: 'removed',
};

/** An ISO 8601 instant with its zone, as the API accepts it (a link's `?since=` may be anything). */
export function isInstant(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && Number.isFinite(Date.parse(value));
}

/** Region codes among an entry's changes (a unit change), to fetch their names before showing them. */
export function regionCodesOf(entries: readonly AccountAuditEntry[]): string[] {
  return entries
    .flatMap((entry) => entry.changes)
    .filter((change) => change.field === 'regionCode')
    .flatMap((change) => [change.from, change.to])
    .filter((code): code is string => typeof code === 'string' && code !== '');
}

/** Words for audit entries in the UI's language: actions, who acted, before → after, notes. */
export function useAuditLabels() {
  const { t, locale } = useI18n();
  const regions = useRegionLookupStore();
  const lang = () => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE);

  const actionLabel = (action: AccountAuditAction) => ACCOUNT_AUDIT_ACTION_LABELS[action]?.[lang()] ?? action;

  function actorLabel(entry: AccountAuditEntry): string {
    if (entry.actor.id !== null) return entry.actor.name;
    const name = entry.actor.name.replace(/^operator: /, '');
    const key = OPERATOR_KEYS[name];
    return t('audit.operator', { name: key ? t(`audit.operators.${key}`) : name });
  }

  function valueLabel(field: string, value: unknown): string {
    if (value === null || value === undefined) return t('audit.none');
    if (field === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role][lang()];
    if (field === 'active') return value ? t('accounts.table.active') : t('accounts.table.inactive');
    if (field === 'regionCode' && typeof value === 'string') return regions.pathOf(value).join(' › ');
    return String(value);
  }

  function changeLabel(change: { field: string; from: unknown; to: unknown }): string {
    const field = t(`audit.fields.${change.field}`);
    return t('audit.change', { field, from: valueLabel(change.field, change.from), to: valueLabel(change.field, change.to) });
  }

  /** The note in the UI's language; the English text only for entries written before notes had codes. */
  function noteLabel(entry: AccountAuditEntry): string | null {
    const params = entry.noteParams ?? {};
    switch (entry.noteCode) {
      case 'password-set-by':
        return t('audit.notes.passwordSetBy');
      case 'demo-deactivated': {
        const key = DEMO_REASON_KEYS[params.reason ?? ''] ?? 'removed';
        return t('audit.notes.demoDeactivated', { reason: t(`audit.notes.demoReasons.${key}`, { value: params.value ?? '' }) });
      }
      case 'demo-reactivated':
        return t('audit.notes.demoReactivated', { host: params.host ?? '' });
      default:
        return entry.note;
    }
  }

  function formatDateTime(iso: string): string {
    const date = new Date(iso);
    if (!Number.isFinite(date.getTime())) return iso;
    return new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
  }

  return { actionLabel, actorLabel, changeLabel, noteLabel, formatDateTime };
}
