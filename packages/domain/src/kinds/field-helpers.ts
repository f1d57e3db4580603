import { z } from 'zod';
import type { LocalizedText } from '../errors/localized.js';

/** Building blocks every kind package uses for its fields. */
export const PERSONS_UNIT: LocalizedText = { 'zh-CN': '人', en: 'persons' };

/** A head count: a whole number from 0 to a bound that catches typing errors. */
export const countSchema = (max: number) => z.number().int().min(0).max(max);

/** True when no item of the list repeats. */
export const hasNoRepeats = <T>(list: T[]) => new Set(list).size === list.length;
