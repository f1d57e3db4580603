import { z } from 'zod';
import { patternText } from './primitives.js';

/** Liveness: the process answers (the database is not touched). */
export const livenessSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });
export type Liveness = z.infer<typeof livenessSchema>;

/** Readiness: the API is up and its database reachable (sent with 503 when not). */
export const healthSchema = z
  .object({ status: z.enum(['ok', 'error']), database: z.enum(['up', 'down']), engine: z.enum(['pglite', 'postgres']) })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;

/** Administrative boundaries as GeoJSON (served as application/geo+json). */
export const boundaryCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(z.record(z.string(), z.unknown())) })
  .meta({ id: 'BoundaryCollection', description: 'GeoJSON, WGS-84, simplified from 天地图 (审图号 GS(2024)0650号; show it with the map)' });
export type BoundaryCollection = z.infer<typeof boundaryCollectionSchema>;

export const boundaryProvinceParamsSchema = z.strictObject({
  province: patternText(/^\d{2}$/, { 'zh-CN': '省份应为行政区划代码的前两位数字（如 22）', en: 'The province is the first two digits of its division code (e.g. 22)' }, 2).meta({ description: 'First two digits of the province code', example: '22' }),
});
