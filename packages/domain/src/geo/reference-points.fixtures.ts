/**
 * Reference points in three coordinate systems, from gcoord's test fixture
 * (github.com/hujiulong/gcoord, test/fixtures/china-cities.json, MIT licence): each city's
 * [lng, lat] in WGS-84, GCJ-02 and BD-09 as gcoord's own tests check them (to 1e-4° for
 * WGS-84 ⇄ GCJ-02 and WGS-84 ⇄ BD-09, 1e-6° for GCJ-02 ⇄ BD-09). Eight of its cities, spread
 * over the country (north-east to south-west, coast to Tibet).
 */
export interface ReferencePoint {
  city: string;
  wgs84: [number, number];
  gcj02: [number, number];
  bd09: [number, number];
}

export const REFERENCE_POINTS: readonly ReferencePoint[] = [
  { city: '驻马店市', wgs84: [114.0164322, 33.0133556], gcj02: [114.022306, 33.0115324], bd09: [114.0287781, 33.0176697] },
  { city: '那曲地区', wgs84: [92.0499619, 31.4784436], gcj02: [92.0512438, 31.4762063], bd09: [92.0576832, 31.4824421] },
  { city: '凉山彝族自治州', wgs84: [102.2658401, 27.8850446], gcj02: [102.2673386, 27.8816151], bd09: [102.2738428, 27.8876621] },
  { city: '梅州市', wgs84: [116.1174053, 24.2912377], gcj02: [116.1222426, 24.2886182], bd09: [116.1287823, 24.2944828] },
  { city: '辽阳市', wgs84: [123.2312099, 41.2651725], gcj02: [123.2369518, 41.2672464], bd09: [123.2433178, 41.2736074] },
  { city: '锡林郭勒盟', wgs84: [116.0414035, 43.9312805], gcj02: [116.0482308, 43.9334573], bd09: [116.0546232, 43.9397782] },
  { city: '钦州市', wgs84: [108.6503952, 21.9828281], gcj02: [108.6541485, 21.9799392], bd09: [108.6607283, 21.9856319] },
  { city: '酒泉市', wgs84: [98.4937175, 39.7319946], gcj02: [98.4943595, 39.7328234], bd09: [98.5008441, 39.7388949] },
];
