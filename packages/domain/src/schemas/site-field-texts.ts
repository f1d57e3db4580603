import type { Locale, LocalizedText } from '../errors/localized.js';

/**
 * The texts of the common site fields (labels, hints, units, option labels) in both languages,
 * written once: COMMON_SITE_FIELDS names them by key (`sites.fields.<key>`), the portal merges
 * them into its vue-i18n messages under that key (apps/portal/src/i18n/index.ts), and the
 * spreadsheet columns (sheets/site-columns.ts) read them for their headers and notes.
 */
export const SITE_FIELD_TEXTS = {
  kind: { 'zh-CN': '网点类型', en: 'Kind of site' },
  name: { 'zh-CN': '网点名称', en: 'Site name' },
  nameHint: { 'zh-CN': '与牌匾或许可证上的名称一致', en: 'As on its sign or licence' },
  region: { 'zh-CN': '所在区县或乡镇（街道）', en: 'County or township' },
  regionHint: { 'zh-CN': '先选省级，再依次选择下级区划，至少选到区县；也可再选乡镇（街道）。', en: 'Choose the province first, then each level below it, at least down to the county; you may also choose the township.' },
  address: { 'zh-CN': '详细地址', en: 'Street address' },
  addressHint: { 'zh-CN': '街道、门牌号、楼层等', en: 'Street, number, floor' },
  lat: { 'zh-CN': '纬度', en: 'Latitude' },
  latHint: { 'zh-CN': '十进制度数，北纬为正，例如 43.8868', en: 'Decimal degrees, north positive, e.g. 43.8868' },
  lng: { 'zh-CN': '经度', en: 'Longitude' },
  lngHint: { 'zh-CN': '十进制度数，东经为正，例如 125.3245', en: 'Decimal degrees, east positive, e.g. 125.3245' },
  degrees: { 'zh-CN': '度', en: 'degrees' },
  system: { 'zh-CN': '坐标系', en: 'Coordinate system' },
  systemHint: { 'zh-CN': '坐标从哪里取得就选哪一种：手机 GPS 和天地图是 WGS-84；高德地图、腾讯地图的取点工具给出的是 GCJ-02，百度地图给出的是 BD-09，与实际位置相差可达数百米。系统统一换算为 WGS-84 保存。', en: 'Choose where the coordinates came from: phone GPS and Tianditu give WGS-84; the AMap and Tencent Maps pickers give GCJ-02 and Baidu Maps gives BD-09, both offset by up to several hundred metres. Points are converted to and stored as WGS-84.' },
  systemWgs84: { 'zh-CN': 'WGS-84（GPS、天地图）', en: 'WGS-84 (GPS, Tianditu)' },
  systemGcj02: { 'zh-CN': 'GCJ-02（高德、腾讯地图）', en: 'GCJ-02 (AMap, Tencent Maps)' },
  systemBd09: { 'zh-CN': 'BD-09（百度地图）', en: 'BD-09 (Baidu Maps)' },
  locationCentroid: { 'zh-CN': '区划中心点（粗略）', en: 'Division centroid (rough)' },
  coordinates: { 'zh-CN': '坐标（WGS-84）', en: 'Coordinates (WGS-84)' },
  locationSource: { 'zh-CN': '录入时的坐标系', en: 'Coordinate system entered in' },
  regionPath: { 'zh-CN': '所在地区', en: 'Region' },
  operatorName: { 'zh-CN': '运营单位名称', en: "Operator's name" },
  creditCode: { 'zh-CN': '统一社会信用代码', en: 'Unified social credit code' },
  creditCodeHint: { 'zh-CN': '18 位，见营业执照', en: '18 characters, on the business licence' },
  person: { 'zh-CN': '联系人姓名', en: 'Contact person' },
  phone: { 'zh-CN': '联系电话', en: 'Phone' },
  phoneHint: { 'zh-CN': '11 位手机号，或带区号的固定电话，如 0431-88881234', en: 'An 11-digit mobile, or a landline with area code, e.g. 0431-88881234' },
  openedOn: { 'zh-CN': '开业日期', en: 'Opening date' },
  openedOnHint: { 'zh-CN': '如不清楚可不填', en: 'Leave empty if you do not know it' },
  barrierFree: { 'zh-CN': '无障碍设施', en: 'Barrier-free features' },
  barrierFreeHint: { 'zh-CN': '网点现有的无障碍设施与服务，可多选', en: 'The accessible facilities and services the site has; choose all that apply' },
  status: { 'zh-CN': '状态', en: 'Status' },
  updatedAt: { 'zh-CN': '更新时间', en: 'Updated' },
} as const satisfies Record<string, LocalizedText>;
export type SiteFieldTextKey = keyof typeof SITE_FIELD_TEXTS;

/** The prefix of the texts' keys in the portal's messages. */
export const SITE_FIELD_TEXT_PREFIX = 'sites.fields.';

/** The message key of a text (`sites.fields.name`), as COMMON_SITE_FIELDS names it. */
export function siteFieldTextKey(key: SiteFieldTextKey): string {
  return `${SITE_FIELD_TEXT_PREFIX}${key}`;
}

/** The text a message key names, when it is one of SITE_FIELD_TEXTS. */
export function siteFieldText(messageKey: string): LocalizedText | undefined {
  if (!messageKey.startsWith(SITE_FIELD_TEXT_PREFIX)) return undefined;
  const key = messageKey.slice(SITE_FIELD_TEXT_PREFIX.length);
  return Object.hasOwn(SITE_FIELD_TEXTS, key) ? SITE_FIELD_TEXTS[key as SiteFieldTextKey] : undefined;
}

/** The texts in one language, by key, for a message catalogue. */
export function siteFieldMessages(locale: Locale): Record<SiteFieldTextKey, string> {
  return Object.fromEntries(Object.entries(SITE_FIELD_TEXTS).map(([key, text]) => [key, text[locale]])) as Record<SiteFieldTextKey, string>;
}
