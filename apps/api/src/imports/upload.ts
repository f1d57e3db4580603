import { createHash } from 'node:crypto';
import type { Request } from 'express';
import busboy from 'busboy';
import { IMPORT_LIMITS } from '@sitenet/domain/schemas';
import { ApiException } from '../common/api-exception.js';

/** The file of an upload, read whole (at most IMPORT_LIMITS.maxBytes) with its facts. */
export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
  sha256: string;
}

/** The multipart envelope around the file (boundaries, part headers) a Content-Length may add. */
const ENVELOPE_BYTES = 64 * 1024;
const MAX_FILE_NAME = 120;
const MEGABYTES = IMPORT_LIMITS.maxBytes / 1024 / 1024;

export function tooLarge(): ApiException {
  return new ApiException(413, 'import.too_large', {
    'zh-CN': `文件超过 ${MEGABYTES} MB 的上限：请把它拆成几个文件分别导入。`,
    en: `The file is larger than the limit of ${MEGABYTES} MB: split it into several files and import each.`,
  });
}

function badUpload(code: string, zh: string, en: string): ApiException {
  return new ApiException(400, code, { 'zh-CN': zh, en }, [{ path: 'body.file', code, messages: { 'zh-CN': zh, en } }]);
}

/**
 * The name a file is kept and shown under: its base name (a browser on Windows may send a
 * whole path), in NFC, without control characters, at most 120 characters (the extension kept).
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = base.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!clean) return 'upload';
  const chars = Array.from(clean);
  if (chars.length <= MAX_FILE_NAME) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return Array.from(clean.slice(0, clean.length - extension.length)).slice(0, MAX_FILE_NAME - extension.length).join('') + extension;
}

/**
 * Reads the one file of a `multipart/form-data` request (field `file`) into memory. Refuses
 * before reading a byte what is not multipart (415) or announces more than the limit (413), and
 * stops reading once the file passes the limit (413: the part read is dropped).
 */
export function readUpload(request: Request): Promise<UploadedFile> {
  const type = request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return Promise.reject(
      new ApiException(415, 'import.not_multipart', {
        'zh-CN': '请以 multipart/form-data 上传文件（字段名 file）。',
        en: 'Upload the file as multipart/form-data (field name file).',
      }),
    );
  }
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > IMPORT_LIMITS.maxBytes + ENVELOPE_BYTES) return Promise.reject(tooLarge());
  return new Promise<UploadedFile>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers, defParamCharset: 'utf8', limits: { files: 1, fields: 2, parts: 3, fileSize: IMPORT_LIMITS.maxBytes } });
    } catch {
      reject(badUpload('import.bad_multipart', '上传的内容无法读取（multipart 格式有误）。', 'The upload could not be read (malformed multipart).'));
      return;
    }
    let settled = false;
    let file: UploadedFile | null = null;
    let reading: Promise<void> | null = null;
    const fail = (error: ApiException) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      // Whatever else the client sends is read and dropped, so the answer reaches it.
      request.resume();
      reject(error);
    };
    parser.on('file', (field, stream, info) => {
      if (field !== 'file' || file || reading) {
        stream.resume();
        return;
      }
      reading = new Promise<void>((done) => {
        const chunks: Buffer[] = [];
        const hash = createHash('sha256');
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          hash.update(chunk);
          size += chunk.length;
        });
        stream.on('limit', () => fail(tooLarge()));
        stream.on('end', () => {
          if (!stream.truncated && size <= IMPORT_LIMITS.maxBytes) file = { fileName: cleanFileName(info.filename ?? ''), bytes: Buffer.concat(chunks, size), sha256: hash.digest('hex') };
          done();
        });
        stream.on('error', () => done());
      });
    });
    parser.on('filesLimit', () => fail(badUpload('import.one_file', '一次只能上传一个文件。', 'Upload one file at a time.')));
    parser.on('partsLimit', () => fail(badUpload('import.bad_multipart', '上传的内容多于一个文件。', 'The upload holds more than one file.')));
    parser.on('fieldsLimit', () => fail(badUpload('import.bad_multipart', '上传的内容多于一个文件。', 'The upload holds more than one file.')));
    parser.on('error', () => fail(badUpload('import.bad_multipart', '上传的内容无法读取（multipart 格式有误或传输中断）。', 'The upload could not be read (malformed multipart, or cut off).')));
    parser.on('close', () => {
      void (reading ?? Promise.resolve()).then(() => {
        if (settled) return;
        if (!file) {
          fail(badUpload('import.no_file', '请求中没有文件：请在字段 file 中上传 .xlsx、.xls 或 .csv 文件。', 'The request holds no file: upload an .xlsx, .xls or .csv file in the field file.'));
          return;
        }
        settled = true;
        resolve(file);
      });
    });
    request.on('aborted', () => fail(badUpload('import.bad_multipart', '上传中断。', 'The upload was cut off.')));
    request.pipe(parser);
  });
}
