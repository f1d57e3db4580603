import type { LocalizedText } from './localized.js';

/** One problem with one field of a request, e.g. `location.lat`. */
export interface FieldIssue {
  /** Dotted path of the field in the request (`query.parent`, `body.location.lat`). */
  path: string;
  /** Machine-readable reason (zod's issue code or our own, e.g. `region.unknown`). */
  code: string;
  /** The message in the caller's language (Accept-Language), Chinese by default. */
  message: string;
  messages: LocalizedText;
}

/** Every error the API returns has this body; no stack trace ever reaches a client. */
export interface ApiErrorBody {
  statusCode: number;
  /** Machine-readable error code, e.g. `validation.failed`, `region.not_found`. */
  code: string;
  message: string;
  messages: LocalizedText;
  /** At most MAX_REPORTED_ISSUES (20) issues; fix them and ask again. */
  issues?: FieldIssue[];
  /** How many more issues there were beyond those listed (absent when none). */
  issuesOmitted?: number;
  /** The request id that the server's logs carry for this request. */
  requestId?: string;
}
