import type { Logger } from '@nestjs/common';
import type { Response } from 'express';

/** How long a download waits for a client that takes no bytes before it is cut off. */
export const DOWNLOAD_IDLE_TIMEOUT_MS = 60_000;

/** A file sent as a download: its name (any characters) and an ASCII stand-in for old clients. */
export interface DownloadFile {
  name: string;
  asciiName: string;
  contentType: string;
}

/** RFC 8187 value characters: encodeURIComponent leaves ' ( ) * unencoded, which the grammar does not allow. */
function encodeExtValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `attachment; filename="ascii"; filename*=UTF-8''<encoded>`: browsers take the second, old clients the first. */
export function contentDisposition(file: Pick<DownloadFile, 'name' | 'asciiName'>): string {
  const ascii = file.asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeExtValue(file.name)}`;
}

/** A name part safe in a file name on every system (no path separators, no reserved characters). */
export function fileNamePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\s]+/g, '_');
}

/** Today's date in China (the date people read on the file), as YYYY-MM-DD. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Streams a file to the response. The caller has validated the request already (a bad query is
 * the product's JSON error, never a file). Compression is turned off for the download
 * (`no-transform`): the writers wait for the socket's own backpressure, which a compressing layer
 * in between would hide, and an .xlsx is a zip already.
 *
 * If writing fails before a byte went out, the error goes to Nest's exception filter (the product's
 * JSON error). After that, the response is destroyed: the client sees a broken download, never a
 * file that merely looks complete; the failure is logged.
 */
export async function sendDownload(
  response: Response,
  file: DownloadFile,
  logger: Logger,
  write: (out: NodeJS.WritableStream) => Promise<void>,
  idleTimeoutMs = DOWNLOAD_IDLE_TIMEOUT_MS,
): Promise<void> {
  // A client that stops reading would hold the export (and its database pages) forever: the
  // writers wait for the socket. No bytes taken for idleTimeoutMs ends the download.
  response.setTimeout(idleTimeoutMs, () => response.destroy(new Error(`the client took no bytes for ${idleTimeoutMs} ms`)));
  response.status(200);
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', contentDisposition(file));
  response.setHeader('Cache-Control', 'no-store, no-transform');
  try {
    await write(response);
  } catch (error) {
    if (!response.headersSent) {
      for (const header of ['Content-Type', 'Content-Disposition']) response.removeHeader(header);
      throw error;
    }
    const reason = error instanceof Error ? error : new Error(String(error));
    if (response.destroyed || response.socket?.destroyed) logger.warn(`download ${file.asciiName} stopped: the client went away (${reason.message})`);
    else logger.error(`download ${file.asciiName} failed after it started; the response is cut off: ${reason.stack ?? reason.message}`);
    response.destroy();
  }
}
