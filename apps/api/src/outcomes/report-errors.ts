import { REPORT_ACTION_LABELS, REPORT_STATUS_LABELS, periodLabel, type OutcomeReport, type ReportAction, type ReportingPeriod } from '@sitenet/domain';
import { ApiException } from '../common/api-exception.js';

/** Someone changed the report after the version the caller saw (409, `current` is the report now). */
export function versionConflict(current: OutcomeReport, seenVersion: number | undefined): ApiException {
  const seen = seenVersion ?? 0;
  return new ApiException(
    409,
    'report.version_conflict',
    {
      'zh-CN': `未保存：报告在您打开之后已被修改（您看到的是第 ${seen} 版，现为第 ${current.version} 版）。请重新载入，看过最新内容后再操作。`,
      en: `Nothing was saved: the report changed after you opened it (you saw version ${seen}, it is now version ${current.version}). Reload it, read the current figures and try again.`,
    },
    undefined,
    { current },
  );
}

/** The report's status (or its change request's) does not allow the action (409). */
export function illegalTransition(current: OutcomeReport, action: ReportAction): ApiException {
  const status = REPORT_STATUS_LABELS[current.status];
  const label = REPORT_ACTION_LABELS[action];
  const pending = current.changeRequest?.status === 'pending';
  return new ApiException(
    409,
    'report.illegal_transition',
    {
      'zh-CN': `报告当前状态为“${status['zh-CN']}”${pending ? '（有待审核的变更申请）' : ''}，不能执行“${label['zh-CN']}”。`,
      en: `The report is ${status.en.toLowerCase()}${pending ? ' (with a change request awaiting review)' : ''}; “${label.en}” is not possible from there.`,
    },
    undefined,
    { current },
  );
}

export function outsideJurisdiction(unit: { code: string; name: string }): ApiException {
  return new ApiException(403, 'outcome.outside_jurisdiction', {
    'zh-CN': `${unit.name}（${unit.code}）不在您的辖区内，您不能查看或填报它的成效指标。`,
    en: `${unit.name} (${unit.code}) is outside your jurisdiction: you cannot see or report its outcome figures.`,
  });
}

export function notOwnUnit(unit: { code: string; name: string }): ApiException {
  return new ApiException(403, 'outcome.not_own_unit', {
    'zh-CN': `只有${unit.name}（${unit.code}）的区县工作人员可以填报、提交或申请变更它的成效指标。`,
    en: `Only district staff of ${unit.name} (${unit.code}) may enter, submit or correct its outcome figures.`,
  });
}

export function periodNotOpen(period: ReportingPeriod): ApiException {
  const label = periodLabel(period.key);
  return new ApiException(400, 'outcome.period_not_begun', {
    'zh-CN': `${label['zh-CN']}尚未开始（自 ${period.startsOn} 起），还不能填报或查看该期数据。请选择已开始的报告期。`,
    en: `${label.en} has not begun yet (it starts on ${period.startsOn}); no figures can be entered or read for it. Choose a period that has begun.`,
  });
}

export function noIndicators(period: ReportingPeriod): ApiException {
  return new ApiException(400, 'outcome.no_indicators', {
    'zh-CN': `没有按${period.periodicity === 'year' ? '年' : period.periodicity === 'quarter' ? '季度' : '月'}填报的成效指标，${period.key} 无需填报。`,
    en: `No outcome indicator is reported ${period.periodicity === 'year' ? 'yearly' : period.periodicity === 'quarter' ? 'quarterly' : 'monthly'}: there is nothing to report for ${period.key}.`,
  });
}

export function noReportingUnits(region: { code: string; name: string }): ApiException {
  return new ApiException(400, 'outcome.no_reporting_units', {
    'zh-CN': `${region.name}（${region.code}）内没有填报单位，请选择省、市或县级单位。`,
    en: `There is no reporting unit in ${region.name} (${region.code}); choose a province, prefecture or county-level unit.`,
  });
}
