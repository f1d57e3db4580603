import type { LocalizedText, OutcomeIndicatorView, OutcomeReport } from '@sitenet/domain';
import { ref, shallowRef, type Ref } from 'vue';
import { type ApiError, toApiError } from '#/api/client';
import {
  approveReport,
  approveReportChange,
  conflictOf,
  type ReportKey,
  requestReportChange,
  returnReport,
  returnReportChange,
  saveReport,
  submitReport,
} from './api';
import { figurePaths, type FigureInputs, type FigureProblem, valuesFromInputs } from './form-model';

/** A reviewer's decision on a report or its change request (ReportReviewActions.vue offers them). */
export type ReviewDecision = 'approve' | 'return' | 'approve-change' | 'return-change';

export type ReportActionDone = 'saved' | 'submitted' | 'approved' | 'returnedDone' | 'changeRequested' | 'changeApproved' | 'changeReturned';

/** The API's field issues as problems of the form: `values.<key>.<part>` on that number, anything else on the form. */
export function problemsFromApi(error: ApiError, indicators: readonly OutcomeIndicatorView[]): FigureProblem[] {
  if (error.issues.length === 0) return [{ path: null, messages: error.messages }];
  const known = new Set(indicators.flatMap((indicator) => [...figurePaths(indicator), ...indicator.disaggregations.map((dimension) => `${indicator.key}.by.${dimension}`)]));
  return error.issues.map((issue) => {
    const path = issue.path.replace(/^(body\.)?values\.?/, '');
    return { path: known.has(path) ? path : null, messages: issue.messages };
  });
}

/**
 * What the report page sends: save, submit (saved first, so what is on the form is what is
 * submitted), a change request, and a reviewer's decisions — each with the version shown. The
 * outcome: `report` becomes the API's answer; a 409 puts the report as it is now in `conflict`;
 * field issues go to `formProblems`; any other failure to `failure`.
 */
export function useReportActions(report: Ref<OutcomeReport | null>, key: () => ReportKey | null, indicators: () => OutcomeIndicatorView[]) {
  const busy = ref(false);
  const conflict = shallowRef<OutcomeReport | null>(null);
  const failure = shallowRef<ApiError | null>(null);
  const formProblems = shallowRef<FigureProblem[] | null>(null);
  /** A refusal of a return's reason, shown in the reason dialog. */
  const reasonError = shallowRef<LocalizedText | null>(null);

  async function perform(task: (current: OutcomeReport, where: ReportKey) => Promise<OutcomeReport>, onIssues: 'form' | 'reason'): Promise<boolean> {
    const current = report.value;
    const where = key();
    if (busy.value || !current || !where) return false;
    busy.value = true;
    conflict.value = null;
    failure.value = null;
    formProblems.value = null;
    reasonError.value = null;
    try {
      report.value = await task(current, where);
      return true;
    } catch (caught) {
      const error = toApiError(caught);
      const latest = conflictOf(error);
      if (latest) conflict.value = latest;
      else if (error.issues.length > 0 && onIssues === 'form') formProblems.value = problemsFromApi(error, indicators());
      else if (error.issues.length > 0) reasonError.value = error.issues[0]!.messages;
      else failure.value = error;
      return false;
    } finally {
      busy.value = false;
    }
  }

  const save = (inputs: FigureInputs) => perform((current, where) => saveReport(where, current.version, valuesFromInputs(indicators(), inputs)), 'form');

  const submit = (inputs: FigureInputs) =>
    perform(async (current, where) => {
      const saved = await saveReport(where, current.version, valuesFromInputs(indicators(), inputs));
      report.value = saved;
      return submitReport(where, saved.version);
    }, 'form');

  const requestChange = (inputs: FigureInputs, reason: string) =>
    perform((current, where) => requestReportChange(where, current.version, reason, valuesFromInputs(indicators(), inputs)), 'form');

  const decide = (decision: ReviewDecision, reason = '') =>
    perform((current, where) => {
      if (decision === 'approve') return approveReport(where, current.version);
      if (decision === 'return') return returnReport(where, current.version, reason);
      if (decision === 'approve-change') return approveReportChange(where, current.version);
      return returnReportChange(where, current.version, reason);
    }, 'reason');

  return { busy, conflict, failure, formProblems, reasonError, save, submit, requestChange, decide };
}

export const DONE_OF: Record<ReviewDecision, ReportActionDone> = {
  approve: 'approved',
  return: 'returnedDone',
  'approve-change': 'changeApproved',
  'return-change': 'changeReturned',
};
