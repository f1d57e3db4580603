import type { LocalizedText } from '../errors/localized.js';
import type { GeoPoint } from '../regions/region.js';
import { UNIT_FAR_KM, type UnitLocationCheck } from './unit-boundary.js';

/**
 * The words of the location check, shared by the API (a registration, an edit, a submission) and
 * the spreadsheet import, so every client sees the same sentence. The distance is rounded as a
 * person would say it (0.1 km below 10 km, whole km above).
 */

/** The error codes: `far` is refused; `outside` is refused until the request confirms the point. */
export const LOCATION_FAR_CODE = 'site.location_far_from_unit';
export const LOCATION_OUTSIDE_CODE = 'site.location_outside_unit';

export function roundedKm(km: number): number {
  return km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
}

function swappedHint(swapped: GeoPoint | null, unitName: string): { zh: string; en: string } {
  if (!swapped) return { zh: '', en: '' };
  return {
    zh: `经纬度似乎填反了：纬度 ${swapped.lat}、经度 ${swapped.lng} 位于${unitName}内。`,
    en: ` The latitude and longitude seem swapped: latitude ${swapped.lat}, longitude ${swapped.lng} lies in ${unitName}.`,
  };
}

/** The message of a point outside its unit (`outside` or `far`); `unitName` is the county-level unit's name. */
export function unitLocationText(check: UnitLocationCheck, unitName: string): LocalizedText {
  const km = roundedKm(check.distanceKm);
  const hint = swappedHint(check.swapped, unitName);
  if (check.verdict === 'far') {
    return {
      'zh-CN': `坐标在${unitName}边界外约 ${km} 公里（超过 ${UNIT_FAR_KM} 公里），与所选地区不符：请核对坐标、坐标系或所在地区。${hint.zh}`,
      en: `The point lies about ${km} km outside ${unitName} (more than ${UNIT_FAR_KM} km), which does not match the chosen area: check the coordinates, their coordinate system or the area.${hint.en}`,
    };
  }
  return {
    'zh-CN': `坐标在${unitName}边界外约 ${km} 公里。如位置无误（如紧邻县界），请确认后再保存；否则请修改坐标或所在地区。${hint.zh}`,
    en: `The point lies about ${km} km outside ${unitName}. If it is right (e.g. just across the county line), confirm it and save again; otherwise correct the point or the area.${hint.en}`,
  };
}

/** The message of the import, where committing the checked file is the confirmation. */
export function importUnitLocationText(check: UnitLocationCheck, unitName: string): LocalizedText {
  if (check.verdict === 'far') return unitLocationText(check, unitName);
  const km = roundedKm(check.distanceKm);
  return {
    'zh-CN': `坐标在${unitName}边界外约 ${km} 公里：请核对；确认无误可照常导入`,
    en: `The point lies about ${km} km outside ${unitName}: check it; if it is right, import as usual`,
  };
}

/** Latitude and longitude typed the wrong way round (both out of range, both fit the other way). */
export function swappedCoordinatesText(swapped: GeoPoint): LocalizedText {
  return {
    'zh-CN': `纬度和经度似乎填反了：应为纬度 ${swapped.lat}、经度 ${swapped.lng}`,
    en: `The latitude and longitude seem swapped: it should be latitude ${swapped.lat}, longitude ${swapped.lng}`,
  };
}
