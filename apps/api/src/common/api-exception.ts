import { HttpException } from '@nestjs/common';
import type { FieldIssue, LocalizedText } from '@sitenet/domain';

/** An error meant for the caller: a code, words in both languages, field issues if any. */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly messages: LocalizedText,
    readonly issues?: Omit<FieldIssue, 'message'>[],
    /** More of the body, e.g. the current record with a 409. */
    readonly details?: Record<string, unknown>,
  ) {
    super(messages.en, status);
  }
}

export class NotFoundApiException extends ApiException {
  constructor(code: string, messages: LocalizedText) {
    super(404, code, messages);
  }
}

/** How many issues the summary message names; the body lists up to MAX_REPORTED_ISSUES. */
const ISSUES_IN_MESSAGE = 5;

export class ValidationApiException extends ApiException {
  /** `omitted`: how many further issues there were, beyond those given (reported as `issuesOmitted`). */
  constructor(issues: Omit<FieldIssue, 'message'>[], omitted = 0) {
    const total = issues.length + omitted;
    const named = issues.slice(0, ISSUES_IN_MESSAGE);
    const rest = total - named.length;
    super(
      400,
      'validation.failed',
      {
        'zh-CN': `请求有 ${total} 处错误，请修改后重试：${named.map((i) => `${i.path}（${i.messages['zh-CN']}）`).join('；')}${rest > 0 ? `；另有 ${rest} 处` : ''}`,
        en: `The request has ${total} error(s); correct them and try again: ${named.map((i) => `${i.path} (${i.messages.en})`).join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`,
      },
      issues,
      omitted > 0 ? { issuesOmitted: omitted } : undefined,
    );
  }
}
