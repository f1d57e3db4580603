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

export class ValidationApiException extends ApiException {
  constructor(issues: Omit<FieldIssue, 'message'>[]) {
    super(
      400,
      'validation.failed',
      {
        'zh-CN': `请求有 ${issues.length} 处错误，请修改后重试：${issues.map((i) => `${i.path}（${i.messages['zh-CN']}）`).join('；')}`,
        en: `The request has ${issues.length} error(s); correct them and try again: ${issues.map((i) => `${i.path} (${i.messages.en})`).join('; ')}`,
      },
      issues,
    );
  }
}
