import type { ImportJob, ImportJobStatus, ImportRowAction } from '@sitenet/domain';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { currentLocale } from '#/i18n';

/** The import pages' words that depend on a job: status, action and progress texts, numbers and sizes. */
export function useImportWords() {
  const { t, locale } = useI18n();
  const numbers = computed(() => new Intl.NumberFormat(locale.value));

  const count = (value: number): string => numbers.value.format(value);
  const statusLabel = (status: ImportJobStatus): string => t(`imports.status.${status}`);
  const actionLabel = (action: ImportRowAction): string => t(`imports.actions.${action}`);

  /** "已检查 3,200 / 10,000 行", "正在读取文件…", "排队中…". */
  function progressText(job: ImportJob): string {
    if (job.status === 'queued') return t('imports.progress.queued');
    const { phase, done, total } = job.progress;
    if (phase === 'reading' || total <= 0) return t(`imports.progress.${phase === 'committing' ? 'committingStart' : 'reading'}`);
    return t(`imports.progress.${phase}`, { done: count(done), total: count(total) });
  }

  /** A size in MB or KB ("1.4 MB"). */
  function size(bytes: number): string {
    const format = new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 1 });
    return bytes >= 1024 * 1024 ? `${format.format(bytes / 1024 / 1024)} MB` : `${format.format(Math.max(1, Math.round(bytes / 1024)))} KB`;
  }

  return { t, count, statusLabel, actionLabel, progressText, size };
}
