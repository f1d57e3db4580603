import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  LOCATION_FAR_CODE,
  LOCATION_OUTSIDE_CODE,
  UNIT_FAR_KM,
  checkPointInUnit,
  roundedKm,
  unitLocationText,
  type UnitLocationCheck,
} from '@sitenet/domain';
import type { SiteLocationProblem } from '@sitenet/domain/schemas';
import { ApiException } from '../common/api-exception.js';
import { BoundariesService } from '../boundaries/boundaries.service.js';
import { RegionEntity } from '../regions/region.entity.js';
import type { SiteUnits } from './site-writer.js';

/**
 * The site's point checked against the shipped boundary of its county-level unit (a township's
 * site against its county; 东莞/中山/儋州 against the city), the rule of issue 12 as the domain
 * states it (checkPointInUnit): inside or within 2 km of the drawing passes; more than 20 km
 * away is refused (400 `site.location_far_from_unit`); in between is refused until the request
 * confirms the point (400 `site.location_outside_unit`, then `locationConfirmed: true`). Both
 * answers name the unit and the distance, and the swapped point when that one lies in the unit.
 * A unit without a shipped boundary (Taiwan, Hong Kong, Macao, the four 大兴安岭 districts drawn
 * inside their neighbours, statistical zones) is not checked.
 */
@Injectable()
export class SiteLocationCheck {
  constructor(
    private readonly boundaries: BoundariesService,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
  ) {}

  /** The check of a WGS-84 point in the units' county, or null when there is no point or no boundary. */
  async check(point: { lat?: number | null; lng?: number | null } | null | undefined, units: Pick<SiteUnits, 'countyCode'>): Promise<UnitLocationCheck | null> {
    if (!point || typeof point.lat !== 'number' || typeof point.lng !== 'number' || !units.countyCode) return null;
    const boundary = await this.boundaries.countyBoundary(units.countyCode);
    return boundary ? checkPointInUnit({ lat: point.lat, lng: point.lng }, boundary) : null;
  }

  /**
   * Refuses a point far from its unit, and one outside it unless `confirmed` (registration, edits).
   * With `confirmed: 'far-only'` only the far rule applies (a submission: the writer confirmed
   * the point when saving it).
   */
  async assertInUnit(point: { lat?: number | null; lng?: number | null } | null | undefined, units: Pick<SiteUnits, 'countyCode'>, confirmed: boolean | 'far-only'): Promise<void> {
    const check = await this.check(point, units);
    if (!check || check.verdict === 'inside' || check.verdict === 'near') return;
    if (check.verdict === 'outside' && confirmed !== false) return;
    const unit = await this.regions.findOneBy({ code: units.countyCode });
    throw locationError(check, { code: units.countyCode, name: unit?.name ?? units.countyCode });
  }
}

function locationError(check: UnitLocationCheck, unit: { code: string; name: string }): ApiException {
  const code = check.verdict === 'far' ? LOCATION_FAR_CODE : LOCATION_OUTSIDE_CODE;
  const messages = unitLocationText(check, unit.name);
  const location: SiteLocationProblem = {
    verdict: check.verdict === 'far' ? 'far' : 'outside',
    distanceKm: roundedKm(check.distanceKm),
    farKm: UNIT_FAR_KM,
    unit,
    swapped: check.swapped,
    confirmable: check.verdict === 'outside',
  };
  return new ApiException(400, code, messages, [{ path: 'body.location', code, messages }], { location });
}
