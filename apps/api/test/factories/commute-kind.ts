import { z } from 'zod';
import { defineSiteKind, fieldMeta, type AttributesMigrationStep } from '@sitenet/domain';

/**
 * 通勤 (commute) bases, defined here at two versions: version 1 stored the distance to the
 * nearest bus stop in kilometres (a decimal), version 2 stores whole metres and calls it
 * `stopDistanceMetres`; the step converts.
 */
const label = (en: string) => ({ label: { 'zh-CN': `测试${en}`, en } });
const common = {
  code: 'commute-base',
  labels: { 'zh-CN': '通勤测试基地', en: 'Commute test base' },
  description: { 'zh-CN': '测试用', en: 'For tests' },
  marker: { symbol: 'diamond' as const, color: '#1f6feb' },
};

export const commuteV1 = defineSiteKind({
  ...common,
  attributes: z.strictObject({
    stopDistanceKm: fieldMeta(z.number().min(0).max(50), label('Distance to the stop (km)')),
    shuttle: fieldMeta(z.boolean().default(false), label('Shuttle')),
  }),
  attributesVersion: 1,
  metrics: [],
  examples: { valid: { stopDistanceKm: 1.5 }, invalid: {} },
});

export const kmToMetres: AttributesMigrationStep = ({ stopDistanceKm, ...rest }) => ({ ...rest, stopDistanceMetres: Math.round(Number(stopDistanceKm) * 1000) });

export function commuteV2(step: AttributesMigrationStep = kmToMetres) {
  return defineSiteKind({
    ...common,
    attributes: z.strictObject({
      stopDistanceMetres: fieldMeta(z.number().int().min(0).max(50_000), { ...label('Distance to the stop'), unit: { 'zh-CN': '米', en: 'm' } }),
      shuttle: fieldMeta(z.boolean().default(false), label('Shuttle')),
    }),
    attributesVersion: 2,
    metrics: [],
    migrateAttributes: { 1: step },
    examples: { valid: { stopDistanceMetres: 1500 }, invalid: {} },
  });
}

