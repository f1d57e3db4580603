import type { DownloadedFile } from '#/api/client';

/** How long the object URL of a saved file lives: long enough for every browser to start the download. */
export const REVOKE_DELAY_MS = 1_000;

/**
 * Saves a fetched file as the browser saves a download: an object URL on the bytes, a temporary
 * `<a download>` clicked and removed, the URL revoked once the browser has taken the file (the
 * API needs the bearer token, so a plain link to it would not do).
 */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_DELAY_MS);
  }
}
