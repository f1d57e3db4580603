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

/** One unit's polygon (`code` set; county files name the `parent` unit) or a border line (`code` null, `kind: 'border'`). */
export const boundaryFeatureSchema = z
  .object({
    type: z.literal('Feature'),
    properties: z.object({ code: z.string().nullable(), name: z.string().optional(), parent: z.string().optional(), kind: z.string().optional() }),
    geometry: z.object({ type: z.string().meta({ description: 'Polygon, MultiPolygon; LineString or MultiLineString for border lines' }), coordinates: z.unknown() }),
  })
  .meta({ id: 'BoundaryFeature' });
export type BoundaryFeature = z.infer<typeof boundaryFeatureSchema>;

/** Administrative boundaries as GeoJSON (served as application/geo+json). */
export const boundaryCollectionSchema = z
  .object({ type: z.literal('FeatureCollection'), source: z.string().optional().meta({ description: 'Where the boundaries come from, with the map approval number to show' }), features: z.array(boundaryFeatureSchema) })
  .meta({ id: 'BoundaryCollection', description: 'GeoJSON, WGS-84, simplified from 天地图 (审图号 GS(2024)0650号; show it with the map)' });
export type BoundaryCollection = z.infer<typeof boundaryCollectionSchema>;

export const boundaryProvinceParamsSchema = z.strictObject({
  province: patternText(/^\d{2}$/, { 'zh-CN': '省份应为行政区划代码的前两位数字（如 22）', en: 'The province is the first two digits of its division code (e.g. 22)' }, 2).meta({ description: 'First two digits of the province code', example: '22' }),
});
