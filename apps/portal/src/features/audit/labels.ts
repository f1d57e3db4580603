import { ACCOUNT_AUDIT_ACTION_LABELS, type AccountAuditAction, type AccountAuditEntry, DEFAULT_LOCALE, ROLE_LABELS, type Role } from '@sitenet/domain';
import { useI18n } from 'vue-i18n';
import { isLocale } from '#/i18n';

/** Words for audit entries in the UI's language: actions, who acted, before → after. */
export function useAuditLabels() {
  const { t, locale } = useI18n();
  const lang = () => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE);

  const actionLabel = (action: AccountAuditAction) => ACCOUNT_AUDIT_ACTION_LABELS[action]?.[lang()] ?? action;
  const actorLabel = (entry: AccountAuditEntry) => (entry.actor.id === null ? t('audit.operator', { name: entry.actor.name.replace(/^operator: /, '') }) : entry.actor.name);

  function valueLabel(field: string, value: unknown): string {
    if (value === null || value === undefined) return t('audit.none');
    if (field === 'role' && typeof value === 'string' && value in ROLE_LABELS) return ROLE_LABELS[value as Role][lang()];
    if (field === 'active') return value ? t('accounts.table.active') : t('accounts.table.inactive');
    return String(value);
  }

  function changeLabel(change: { field: string; from: unknown; to: unknown }): string {
    const field = t(`audit.fields.${change.field}`);
    return t('audit.change', { field, from: valueLabel(change.field, change.from), to: valueLabel(change.field, change.to) });
  }

  function formatDateTime(iso: string): string {
    return new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
  }

  return { actionLabel, actorLabel, changeLabel, formatDateTime };
}
