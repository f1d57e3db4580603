import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { reportedWithin, toFieldIssues, type OutcomeIndicator, type Periodicity, type RegionPath } from '@sitenet/domain';
import { seededIndicatorSchema } from '@sitenet/domain/schemas';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

/** Where the indicators are shipped, under the seeds folder. */
export const INDICATORS_FILE = path.join('outcomes', 'indicators.json');

const indicatorsFileSchema = z.strictObject({ notice: z.string().min(1), indicators: z.array(seededIndicatorSchema).min(1) });

/** Why the indicators file cannot be used: the start stops with this message. */
export class IndicatorsFileError extends Error {}

/**
 * The outcome indicators (issue 11) are data: seeds/outcomes/indicators.json, read and checked
 * once at start (a missing or malformed file stops the start with a message naming the file and
 * each problem), kept in memory in the file's order (the order of the report form).
 */
export function loadIndicators(file: string): OutcomeIndicator[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new IndicatorsFileError(`Outcome indicators: ${file} cannot be read as JSON (${(error as Error).message}). It ships with the seeds (SEEDS_DIR).`);
  }
  const parsed = indicatorsFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const problems = toFieldIssues(parsed.error.issues.slice(0, 20), 'en').map((i) => `${i.path || '(file)'}: ${i.message}`);
    throw new IndicatorsFileError(`Outcome indicators: ${file} is invalid: ${problems.join('; ')}`);
  }
  const keys = parsed.data.indicators.map((i) => i.key);
  const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
  if (repeated.length > 0) throw new IndicatorsFileError(`Outcome indicators: ${file} lists ${[...new Set(repeated)].join(', ')} more than once`);
  return parsed.data.indicators;
}

@Injectable()
export class OutcomeIndicatorsService {
  private readonly indicators: readonly OutcomeIndicator[];
  private readonly byKeys: ReadonlyMap<string, OutcomeIndicator>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.indicators = loadIndicators(path.join(config.seedsDir, INDICATORS_FILE));
    this.byKeys = new Map(this.indicators.map((i) => [i.key, i]));
  }

  /** Every indicator, in the file's order. */
  list(): readonly OutcomeIndicator[] {
    return this.indicators;
  }

  byKey(key: string): OutcomeIndicator | undefined {
    return this.byKeys.get(key);
  }

  /**
   * The indicators of a periodicity, in form order: for a reporting unit, those its report holds;
   * for a larger region, those any of its units reports (reportedWithin: an indicator a plan uses is
   * reported inside that plan's region only).
   */
  ofPeriodicity(periodicity: Periodicity, region: RegionPath): OutcomeIndicator[] {
    return this.indicators.filter((i) => i.periodicity === periodicity && reportedWithin(i, region));
  }
}
