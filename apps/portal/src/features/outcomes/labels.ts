import { periodLabel, PERIODICITY_LABELS, type Periodicity, REPORT_ACTION_LABELS, REPORT_STATUS_LABELS, type ReportStatus } from '@sitenet/domain';
import { useDateFormat } from '#/ui/date-format';

/** Words of the outcome pages taken from the domain (statuses, actions, periods), and date formats (ui/date-format), in the UI language. */
export function useOutcomeLabels() {
  const { locale: current, formatDate, formatDateTime } = useDateFormat();

  const statusLabel = (status: ReportStatus): string => REPORT_STATUS_LABELS[status]?.[current.value] ?? status;
  const actionLabel = (action: string): string => REPORT_ACTION_LABELS[action as keyof typeof REPORT_ACTION_LABELS]?.[current.value] ?? action;
  const period = (key: string): string => periodLabel(key)[current.value];
  const periodicityLabel = (periodicity: Periodicity): string => PERIODICITY_LABELS[periodicity][current.value];

  return { locale: current, statusLabel, actionLabel, period, periodicityLabel, formatDate, formatDateTime };
}
