import type { Locale } from '@sitenet/domain';
import { WORDS } from './words.js';

/**
 * The print setup every sheet shares (A4 landscape, fitted to the page width, the header row
 * repeated on each page) and its page header and footer: region left, title centre, date right;
 * the data's source and date left, "page n of m" right.
 */
export interface PrintMeta {
  title: string;
  region: string;
  /** When the data was read (the date in the header and footer). */
  generatedAt: Date;
  source: string;
}

/** Excel's header/footer mini-language gives '&' a meaning (&P, &N, &"font"...): a literal one is '&&'. */
export function escapeHeaderFooter(text: string): string {
  return text.replace(/&/g, '&&');
}

/** Excel refuses a header or footer section longer than 255 characters: long names are cut. */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Times are written in China Standard Time (UTC+8, no daylight saving): the product's users' clock. */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of an instant, in China Standard Time. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD HH:mm' of an instant, in China Standard Time. */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function worksheetOptions(meta: PrintMeta, locale: Locale) {
  const date = chinaDate(meta.generatedAt);
  return {
    views: [{ state: 'frozen' as const, xSplit: 0, ySplit: 1 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape' as const,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
    headerFooter: {
      oddHeader: `&L${escapeHeaderFooter(clip(meta.region, 60))}&C${escapeHeaderFooter(clip(meta.title, 80))}&R${date}`,
      oddFooter: `&L${escapeHeaderFooter(clip(WORDS.sourceAsOf[locale].replace('{source}', meta.source).replace('{date}', date), 100))}&R${WORDS.pageOf[locale]}`,
    },
  };
}
