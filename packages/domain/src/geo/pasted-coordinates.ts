import type { LocalizedText } from '../errors/localized.js';
import type { GeoPoint } from '../regions/region.js';
import { CHINA_BOUNDS, toWgs84, type CoordinateSystem } from './coordinates.js';

/**
 * Coordinates pasted from a map app or a coordinate picker, read into a point.
 *
 * What the pickers copy (checked on each tool's page):
 * - 高德 坐标拾取器 (lbs.amap.com/tools/picker): "116.397428,39.90923" — longitude first, GCJ-02;
 *   高德's links `https://uri.amap.com/marker?position=lng,lat` and `…/navigation?to=lng,lat,name`
 *   are longitude first too.
 * - 腾讯 坐标拾取器 (lbs.qq.com/getPoint): "39.908692,116.397477" — latitude first, GCJ-02; its
 *   links `https://apis.map.qq.com/uri/v1/marker?marker=coord:lat,lng;title:…` likewise.
 * - 百度 拾取坐标系统 (api.map.baidu.com/lbsapi/getpoint): "116.404,39.915" — longitude first,
 *   BD-09 (bd09ll); it can also show 百度墨卡托 (BD-09MC, metres such as "12958175,4825923"),
 *   which is recognised and refused with a hint to switch the picker to 经纬度. Baidu's links
 *   `https://api.map.baidu.com/marker?location=lat,lng&coord_type=…` are latitude first and may
 *   name their system (`coord_type` bd09ll / gcj02 / wgs84).
 * - `geo:lat,lng` (RFC 5870, WGS-84), as phones share a position; Google-style `@lat,lng,zoom`.
 * - Labelled text: "纬度 43.88 经度 125.32", "lat: 43.88, lng: 125.32", "N43.88° E125.32°",
 *   degrees-minutes-seconds "43°52'48\"N 125°19'12\"E".
 *
 * Whatever the separator (comma, Chinese comma, semicolon, spaces, 、) and with full-width digits.
 * In China latitudes (3–54°) and longitudes (73–136°) do not overlap, so two bare numbers are
 * ordered by their values: a pasted "lat,lng" and "lng,lat" both read right. A source that states
 * the order (a link, a label) is believed unless the values contradict it. `candidates` lists
 * every reading that lies in China's bounds (one, in practice; none when the numbers fit neither
 * order); `system` is the system the source implies (a 高德 or 腾讯 link: GCJ-02, `geo:`: WGS-84,
 * a Baidu link: its coord_type or BD-09), null for bare numbers, where the user says which map
 * they came from. Each candidate's `wgs84` is the point converted for storage, with the system
 * given by the caller (the user's choice) or else the source's.
 */

export type PastedSource = 'amap' | 'tencent' | 'baidu' | 'geo-uri' | 'labelled' | 'plain';
export type PastedOrder = 'lat,lng' | 'lng,lat';

export interface PastedCandidate {
  /** The point as pasted (in the source's system). */
  point: GeoPoint;
  order: PastedOrder;
  /** The point in WGS-84 (for storage), when a system is known (given, or implied by the source). */
  wgs84: GeoPoint | null;
}

export type PastedCoordinates =
  | { ok: true; source: PastedSource; system: CoordinateSystem | null; candidates: PastedCandidate[] }
  | { ok: false; problem: PastedProblem; messages: LocalizedText };

export type PastedProblem = 'empty' | 'no-coordinates' | 'mercator' | 'outside-china';

export const PASTED_PROBLEM_TEXTS: Record<PastedProblem, LocalizedText> = {
  empty: { 'zh-CN': '请粘贴坐标，如“43.8868,125.3245”', en: 'Paste the coordinates, e.g. “43.8868,125.3245”' },
  'no-coordinates': {
    'zh-CN': '没有识别出经纬度：请粘贴两个数字（纬度和经度，顺序不限），或地图应用复制的坐标或链接',
    en: 'No coordinates found: paste two numbers (latitude and longitude, in either order), or the coordinates or link a map app copied',
  },
  mercator: {
    'zh-CN': '这是百度墨卡托坐标（以米为单位），不是经纬度：请在百度拾取坐标系统中切换为经纬度后再复制',
    en: "These are Baidu Mercator coordinates (metres), not degrees: switch Baidu's coordinate picker to longitude/latitude and copy again",
  },
  'outside-china': {
    'zh-CN': '坐标不在中国范围内（纬度 3°–54°，经度 73°–136°）：请核对粘贴的内容',
    en: 'The coordinates are not in China (latitude 3°–54°, longitude 73°–136°): check what you pasted',
  },
};

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** Full-width ASCII (digits, ．，－ and letters) to half-width; Chinese punctuation to ASCII separators. */
function normalize(text: string): string {
  return text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0]/g, ' ')
    .replace(/[、；]/g, ',')
    .replace(/[。]/g, '.')
    .replace(/[′’‘]/g, "'")
    .replace(/[″“”]/g, '"')
    .trim();
}

const NUMBER = String.raw`[-+]?\d+(?:\.\d+)?`;

function inLat(value: number): boolean {
  return value >= CHINA_BOUNDS.minLat && value <= CHINA_BOUNDS.maxLat;
}
function inLng(value: number): boolean {
  return value >= CHINA_BOUNDS.minLng && value <= CHINA_BOUNDS.maxLng;
}

interface Reading {
  source: PastedSource;
  first: number;
  second: number;
  /** The order the source states, if any. */
  stated: PastedOrder | null;
  system: CoordinateSystem | null;
}

function pair(text: string): [number, number] | null {
  const match = new RegExp(`(${NUMBER})\\s*[,;\\s]\\s*(${NUMBER})`).exec(text);
  return match ? [Number(match[1]), Number(match[2])] : null;
}

function param(url: URL, name: string): string | null {
  return url.searchParams.get(name);
}

const BAIDU_SYSTEMS: Record<string, CoordinateSystem> = { bd09ll: 'bd09', bd09: 'bd09', gcj02: 'gcj02', wgs84: 'wgs84' };

/** A link of a map app: its host tells the order and the system. */
function fromUrl(text: string): Reading | null {
  const found = /https?:\/\/\S+/i.exec(text);
  if (!found) return null;
  let url: URL;
  try {
    url = new URL(found[0]);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase();
  if (host.endsWith('amap.com') || host.endsWith('autonavi.com')) {
    const lng = param(url, 'lng') ?? param(url, 'lon');
    const lat = param(url, 'lat');
    if (lng && lat) return { source: 'amap', first: Number(lat), second: Number(lng), stated: 'lat,lng', system: 'gcj02' };
    const value = param(url, 'position') ?? param(url, 'to') ?? param(url, 'from') ?? param(url, 'p') ?? param(url, 'q');
    const numbers = value ? pair(value) : null;
    return numbers ? { source: 'amap', first: numbers[0], second: numbers[1], stated: 'lng,lat', system: 'gcj02' } : null;
  }
  if (host.endsWith('qq.com')) {
    const value = param(url, 'marker') ?? param(url, 'coord') ?? param(url, 'tocoord') ?? param(url, 'center');
    const numbers = value ? pair(value.replace(/^.*coord:/, '')) : null;
    return numbers ? { source: 'tencent', first: numbers[0], second: numbers[1], stated: 'lat,lng', system: 'gcj02' } : null;
  }
  if (host.endsWith('baidu.com')) {
    const system = BAIDU_SYSTEMS[(param(url, 'coord_type') ?? 'bd09ll').toLowerCase()] ?? 'bd09';
    const value = param(url, 'location') ?? param(url, 'destination') ?? param(url, 'origin');
    const numbers = value ? pair(value.replace(/^latlng:/, '')) : null;
    return numbers ? { source: 'baidu', first: numbers[0], second: numbers[1], stated: 'lat,lng', system } : null;
  }
  // Another site (e.g. a Google-style "@lat,lng,zoom" path): latitude first.
  const at = new RegExp(`@(${NUMBER}),(${NUMBER})`).exec(url.href);
  if (at) return { source: 'plain', first: Number(at[1]), second: Number(at[2]), stated: 'lat,lng', system: null };
  const numbers = pair(decodeURIComponent(url.search));
  return numbers ? { source: 'plain', first: numbers[0], second: numbers[1], stated: null, system: null } : null;
}

/** Degrees, minutes, seconds ("43°52'48\"N"), or decimal degrees with a hemisphere letter. */
const DMS = new RegExp(String.raw`([NSEW北南东西])?\s*(\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['分]\s*)?(?:(\d+(?:\.\d+)?)\s*["秒]\s*)?([NSEW北南东西])?`, 'gi');

function fromDegreesText(text: string): Reading | null {
  const values: { value: number; axis: 'lat' | 'lng' | null }[] = [];
  for (const match of text.matchAll(DMS)) {
    const [, before, d, m, s, after] = match;
    const hemisphere = (before ?? after ?? '').toUpperCase();
    const value = Number(d) + Number(m ?? 0) / 60 + Number(s ?? 0) / 3600;
    const axis = /[NS北南]/.test(hemisphere) ? 'lat' : /[EW东西]/.test(hemisphere) ? 'lng' : null;
    values.push({ value: /[SW南西]/.test(hemisphere) ? -value : value, axis });
  }
  if (values.length !== 2) return null;
  const stated: PastedOrder | null = values[0].axis === 'lat' || values[1].axis === 'lng' ? 'lat,lng' : values[0].axis === 'lng' || values[1].axis === 'lat' ? 'lng,lat' : null;
  return { source: 'labelled', first: values[0].value, second: values[1].value, stated, system: null };
}

/** "纬度 43.88 经度 125.32", "lng=125.32&lat=43.88", "N43.88 E125.32". */
function fromLabels(text: string): Reading | null {
  const label = (names: string) => new RegExp(`(?:${names})\\s*[:=：]?\\s*(${NUMBER})`, 'i').exec(text);
  const lat = label('纬度|latitude|lat|N(?=\\s*\\d)');
  const lng = label('经度|longitude|lng|lon|E(?=\\s*\\d)');
  if (!lat || !lng) return null;
  return { source: 'labelled', first: Number(lat[1]), second: Number(lng[1]), stated: 'lat,lng', system: null };
}

function read(text: string): Reading | null {
  const url = fromUrl(text);
  if (url) return url;
  const geo = new RegExp(`^geo:(${NUMBER}),(${NUMBER})`, 'i').exec(text);
  if (geo) return { source: 'geo-uri', first: Number(geo[1]), second: Number(geo[2]), stated: 'lat,lng', system: 'wgs84' };
  if (/[°度]/.test(text)) {
    const degrees = fromDegreesText(text);
    if (degrees) return degrees;
  }
  const labelled = fromLabels(text);
  if (labelled) return labelled;
  const numbers = text.match(new RegExp(NUMBER, 'g'));
  if (!numbers || numbers.length !== 2) return null;
  return { source: 'plain', first: Number(numbers[0]), second: Number(numbers[1]), stated: null, system: null };
}

/** Baidu Mercator's metres for a point in China: x 8–15 million, y 0.3–7 million. */
function looksMercator(a: number, b: number): boolean {
  const [x, y] = Math.abs(a) > Math.abs(b) ? [a, b] : [b, a];
  return x >= 8e6 && x <= 1.6e7 && y >= 3e5 && y <= 7.5e6;
}

/** Reads pasted coordinates (see the module's comment); `system` is the user's choice, when made. */
export function parsePastedCoordinates(text: string, system?: CoordinateSystem): PastedCoordinates {
  const normalized = normalize(text ?? '');
  if (!normalized) return { ok: false, problem: 'empty', messages: PASTED_PROBLEM_TEXTS.empty };
  const reading = read(normalized);
  if (!reading || !Number.isFinite(reading.first) || !Number.isFinite(reading.second)) {
    return { ok: false, problem: 'no-coordinates', messages: PASTED_PROBLEM_TEXTS['no-coordinates'] };
  }
  if (looksMercator(reading.first, reading.second)) return { ok: false, problem: 'mercator', messages: PASTED_PROBLEM_TEXTS.mercator };
  const orders: PastedOrder[] = reading.stated ? [reading.stated, reading.stated === 'lat,lng' ? 'lng,lat' : 'lat,lng'] : ['lat,lng', 'lng,lat'];
  const fitting = orders
    .map((order) => ({ order, point: order === 'lat,lng' ? { lat: reading.first, lng: reading.second } : { lat: reading.second, lng: reading.first } }))
    .filter(({ point }) => inLat(point.lat) && inLng(point.lng));
  if (fitting.length === 0) return { ok: false, problem: 'outside-china', messages: PASTED_PROBLEM_TEXTS['outside-china'] };
  const chosen = system ?? reading.system;
  return {
    ok: true,
    source: reading.source,
    system: reading.system,
    candidates: fitting.map(({ order, point }) => ({ order, point, wgs84: chosen ? toWgs84(point, chosen) : null })),
  };
}
