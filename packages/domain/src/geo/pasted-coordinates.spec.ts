import { describe, expect, it } from 'vitest';
import { distanceKm, gcj02ToBd09, wgs84ToGcj02 } from './coordinates.js';
import { parsePastedCoordinates, type PastedCoordinates } from './pasted-coordinates.js';

const CHANGCHUN = { lat: 43.8868, lng: 125.3245 };

function only(result: PastedCoordinates) {
  if (!result.ok) throw new Error(`not read: ${result.problem}`);
  expect(result.candidates).toHaveLength(1);
  return { ...result, candidate: result.candidates[0] };
}

describe('parsePastedCoordinates: bare numbers', () => {
  it.each([
    ['43.8868,125.3245', 'lat,lng'],
    ['125.3245,43.8868', 'lng,lat'],
    ['43.8868, 125.3245', 'lat,lng'],
    ['125.3245 43.8868', 'lng,lat'],
    ['43.8868，125.3245', 'lat,lng'],
    ['１２５．３２４５，４３．８８６８', 'lng,lat'],
    ['43.8868、125.3245', 'lat,lng'],
    ['  43.8868;125.3245 ', 'lat,lng'],
  ])('%s is read as %s by the ranges of China', (text, order) => {
    const { candidate, source, system } = only(parsePastedCoordinates(text));
    expect(candidate.point).toEqual(CHANGCHUN);
    expect(candidate.order).toBe(order);
    expect(source).toBe('plain');
    expect(system).toBeNull();
    expect(candidate.wgs84).toBeNull();
  });

  it('converts with the system the user chose', () => {
    const gcj = wgs84ToGcj02(CHANGCHUN);
    const { candidate } = only(parsePastedCoordinates(`${gcj.lng},${gcj.lat}`, 'gcj02'));
    expect(distanceKm(candidate.wgs84!, CHANGCHUN) * 1000).toBeLessThan(1);
    const bd = gcj02ToBd09(gcj);
    expect(distanceKm(only(parsePastedCoordinates(`${bd.lng},${bd.lat}`, 'bd09')).candidate.wgs84!, CHANGCHUN) * 1000).toBeLessThan(1);
    expect(only(parsePastedCoordinates('43.8868,125.3245', 'wgs84')).candidate.wgs84).toEqual(CHANGCHUN);
  });
});

describe('parsePastedCoordinates: what the map pickers and links copy', () => {
  it('高德 坐标拾取器 "lng,lat" (GCJ-02 once chosen)', () => {
    const { candidate } = only(parsePastedCoordinates('116.397428,39.90923', 'gcj02'));
    expect(candidate.order).toBe('lng,lat');
    expect(candidate.point).toEqual({ lat: 39.90923, lng: 116.397428 });
    expect(distanceKm(candidate.wgs84!, candidate.point) * 1000).toBeGreaterThan(100);
  });

  it('腾讯 坐标拾取器 "lat,lng"', () => {
    expect(only(parsePastedCoordinates('39.908692,116.397477')).candidate.order).toBe('lat,lng');
  });

  it('百度 拾取坐标系统 "lng,lat" in BD-09', () => {
    expect(only(parsePastedCoordinates('116.404,39.915', 'bd09')).candidate.point).toEqual({ lat: 39.915, lng: 116.404 });
  });

  it('a 高德 link: longitude first, GCJ-02 implied', () => {
    const result = only(parsePastedCoordinates('https://uri.amap.com/marker?position=125.3245,43.8868&name=示例'));
    expect(result.source).toBe('amap');
    expect(result.system).toBe('gcj02');
    expect(result.candidate.point).toEqual(CHANGCHUN);
    expect(result.candidate.wgs84).not.toBeNull();
  });

  it('a 腾讯 link: latitude first', () => {
    const result = only(parsePastedCoordinates('https://apis.map.qq.com/uri/v1/marker?marker=coord:43.8868,125.3245;title:示例&referer=x'));
    expect(result.source).toBe('tencent');
    expect(result.system).toBe('gcj02');
    expect(result.candidate.point).toEqual(CHANGCHUN);
  });

  it('a 百度 link: latitude first, its coord_type names the system', () => {
    const bd = only(parsePastedCoordinates('http://api.map.baidu.com/marker?location=43.8868,125.3245&title=示例&output=html'));
    expect(bd.source).toBe('baidu');
    expect(bd.system).toBe('bd09');
    const gcj = only(parsePastedCoordinates('http://api.map.baidu.com/marker?location=43.8868,125.3245&coord_type=gcj02'));
    expect(gcj.system).toBe('gcj02');
  });

  it("the user's choice wins over the system a link implies", () => {
    expect(only(parsePastedCoordinates('https://uri.amap.com/marker?position=125.3245,43.8868', 'wgs84')).candidate.wgs84).toEqual(CHANGCHUN);
  });

  it('a geo: URI is WGS-84, latitude first', () => {
    const result = only(parsePastedCoordinates('geo:43.8868,125.3245?z=17'));
    expect(result.source).toBe('geo-uri');
    expect(result.candidate.wgs84).toEqual(CHANGCHUN);
  });

  it('a link with "@lat,lng,zoom"', () => {
    expect(only(parsePastedCoordinates('https://www.google.com/maps/@43.8868,125.3245,15z')).candidate.point).toEqual(CHANGCHUN);
  });

  it('a link whose stated order the values contradict is read by the values', () => {
    expect(only(parsePastedCoordinates('https://uri.amap.com/marker?position=43.8868,125.3245')).candidate.order).toBe('lat,lng');
  });
});

describe('parsePastedCoordinates: labelled and sexagesimal text', () => {
  it.each([
    ['纬度：43.8868 经度：125.3245'],
    ['经度 125.3245，纬度 43.8868'],
    ['lat: 43.8868, lng: 125.3245'],
    ['lng=125.3245&lat=43.8868'],
    ['N43.8868 E125.3245'],
  ])('%s', (text) => {
    expect(only(parsePastedCoordinates(text)).candidate.point).toEqual(CHANGCHUN);
  });

  it('degrees, minutes and seconds', () => {
    const { candidate } = only(parsePastedCoordinates(`43°53'12.48"N 125°19'28.2"E`));
    expect(candidate.point.lat).toBeCloseTo(43.8868, 6);
    expect(candidate.point.lng).toBeCloseTo(125.3245, 6);
    const chinese = only(parsePastedCoordinates('东经125°19′28.2″ 北纬43°53′12.48″')).candidate;
    expect(chinese.order).toBe('lng,lat');
    expect(chinese.point.lat).toBeCloseTo(43.8868, 6);
  });
});

describe('parsePastedCoordinates: what it refuses, and says why', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['长春市南关区', 'no-coordinates'],
    ['43.8868', 'no-coordinates'],
    ['1, 2, 3', 'no-coordinates'],
    ['48.8566,2.3522', 'outside-china'],
    ['12958175.00,4825923.77', 'mercator'],
  ])('%j → %s, in both languages', (text, problem) => {
    const result = parsePastedCoordinates(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toBe(problem);
    expect(result.messages['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(result.messages.en.length).toBeGreaterThan(10);
  });
});
