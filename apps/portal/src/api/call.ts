import { type DownloadedFile, downloadFile, getJson, type Query, type QueryValue, type RequestOptions, sendCommand, sendJson } from './client';
import type { Method, Operations, WireInput, WireOutput, WireSchema } from './operations';

/*
 * The typed face of the request client: every call names an operation of api/operations.ts, and
 * its path parameters, query, body and answer are typed by that operation's domain schemas. The
 * features' api.ts files call the API only through these.
 */

/** The operations that answer with a JSON body, and those that answer 204 No Content. */
type AnsweringOperation = { [K in keyof Operations]: Operations[K] extends { response: WireSchema } ? K : never }[keyof Operations];
type CommandOperation = Exclude<keyof Operations, AnsweringOperation | `GET ${string}`>;
/** The operations that answer with a file to save (exports). */
type DownloadOperation = { [K in keyof Operations]: Operations[K] extends { download: true } ? K : never }[keyof Operations];
/** The operations that take a file (multipart/form-data) and answer with JSON (imports). */
type UploadOperation = { [K in keyof Operations]: Operations[K] extends { upload: true; response: WireSchema } ? K : never }[keyof Operations];

/** What an operation answers: the output of its domain schema. */
export type ResponseOf<K extends AnsweringOperation> = Operations[K] extends { response: infer S extends WireSchema } ? WireOutput<S> : never;
/** The body an operation takes: the input of its domain schema (before its defaults apply). */
export type BodyOf<K extends keyof Operations> = Operations[K] extends { body: infer S extends WireSchema } ? WireInput<S> : never;

/** The `:name` parts of a path template. */
type ParamNames<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}` ? Name | ParamNames<`/${Rest}`> : Path extends `${string}:${infer Name}` ? Name : never;
type TemplateOf<K extends string> = K extends `${string} ${infer Path}` ? Path : never;

/** A query typed by the operation's query schema (values as the URL carries them), or repeated keys as URLSearchParams. */
type QueryInput<S extends WireSchema> = { [P in keyof WireInput<S>]?: WireInput<S>[P] & QueryValue } | URLSearchParams;

/** What a call passes: the path's parameters, the query and the body its schemas describe. */
export type CallInput<K extends keyof Operations> = ([ParamNames<TemplateOf<K>>] extends [never] ? unknown : { params: Record<ParamNames<TemplateOf<K>>, string> }) &
  (Operations[K] extends { query: infer S extends WireSchema } ? { query?: QueryInput<S> } : unknown) &
  (Operations[K] extends { body: infer S extends WireSchema } ? { body: WireInput<S> } : unknown);

/** The arguments after the operation: the input may be left out when nothing in it is required. */
type CallArgs<K extends keyof Operations> = object extends CallInput<K> ? [input?: CallInput<K>, options?: RequestOptions] : [input: CallInput<K>, options?: RequestOptions];

interface LooseInput {
  params?: Record<string, string>;
  query?: Query | URLSearchParams;
  body?: unknown;
}

/** The method and the path (each `:name` replaced by its parameter, encoded) of an operation. */
function target(operation: string, params: Record<string, string> = {}): { method: Method; path: string } {
  const space = operation.indexOf(' ');
  const method = operation.slice(0, space) as Method;
  const path = operation.slice(space + 1).replace(/:([A-Za-z]+)/g, (_match, name: string) => encodeURIComponent(params[name] ?? ''));
  return { method, path };
}

/**
 * Calls one API operation (`'GET /targets'`, `'PATCH /targets/:id'`: see api/operations.ts) and
 * returns its answer, typed by the operation's domain schema; its body and query are typed by
 * theirs. A GET is retried as `getJson` says; errors are `ApiError`s as for every request.
 */
export function apiCall<K extends AnsweringOperation>(operation: K, ...[input, options]: CallArgs<K>): Promise<ResponseOf<K>> {
  const { params, query, body } = (input ?? {}) as LooseInput;
  const { method, path } = target(operation, params);
  if (method === 'GET') return getJson<ResponseOf<K>>(path, query, options);
  return sendJson<ResponseOf<K>>(method, path, body, options);
}

/** Calls an API operation that answers 204 No Content (sign out, change password). */
export async function apiCommand<K extends CommandOperation>(operation: K, ...[input, options]: CallArgs<K>): Promise<void> {
  const { params, body } = (input ?? {}) as LooseInput;
  const { method, path } = target(operation, params);
  await sendCommand(method as Exclude<Method, 'GET'>, path, body, options);
}

/**
 * Fetches the file an operation answers with (an export: `'GET /exports/sites'`), with the bearer
 * token, retries and `ApiError`s of every GET; its query is typed by the operation's schema.
 * `fallbackName` names the file when the answer's Content-Disposition does not.
 */
export function apiDownload<K extends DownloadOperation>(operation: K, input: CallInput<K>, fallbackName: string, options?: RequestOptions): Promise<DownloadedFile> {
  const { params, query } = input as LooseInput;
  return downloadFile(target(operation, params).path, query, fallbackName, options);
}

/**
 * Sends a file to an operation that takes one (`'POST /imports/:kind'`) as multipart/form-data,
 * field `field` (the file's own name goes with it), and returns its answer, typed by the
 * operation's schema; its query (`?region=&period=`) goes in the URL. Never repeated by itself, as every write.
 */
export function apiUpload<K extends UploadOperation>(operation: K, input: CallInput<K>, file: File, options?: RequestOptions & { field?: string }): Promise<ResponseOf<K>> {
  const { params, query } = input as LooseInput;
  const { method, path } = target(operation, params);
  const form = new FormData();
  form.append(options?.field ?? 'file', file, file.name);
  return sendJson<ResponseOf<K>>(method as Exclude<Method, 'GET'>, path, form, { ...options, query });
}
