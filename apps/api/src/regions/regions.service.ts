import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository, type SelectQueryBuilder } from 'typeorm';
import { ancestorColumnOf, withinJurisdiction, type Jurisdiction, type RegionChildrenResponse, type RegionDetail, type RegionSearchResponse } from '@sitenet/domain';
import { NotFoundApiException } from '../common/api-exception.js';
import { RegionEntity } from './region.entity.js';
import { ancestorCodes, toRegionDetail, toRegionSummary } from './region.mapper.js';

const DEFAULT_SEARCH_LIMIT = 20;

@Injectable()
export class RegionsService {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  /** The unit, or a 404 that names the code. */
  async get(code: string): Promise<RegionEntity> {
    const region = await this.regions.findOneBy({ code });
    if (!region) {
      throw new NotFoundApiException('region.not_found', {
        'zh-CN': `没有代码为 ${code} 的行政区划，请检查代码是否正确。`,
        en: `There is no administrative division with code ${code}; check the code.`,
      });
    }
    return region;
  }

  /**
   * A region the caller may look at, or a 404 that does not say whether it exists: the one place
   * the API applies the jurisdiction rules of @sitenet/domain to a region (targets, coverage,
   * service points).
   */
  async visible(code: string, scope: Jurisdiction): Promise<RegionEntity> {
    const region = await this.regions.findOneBy({ code });
    if (!region || !withinJurisdiction(scope, region)) {
      throw new NotFoundApiException('region.not_in_jurisdiction', {
        'zh-CN': `没有代码为 ${code} 的行政区划，或它不在您的辖区内。`,
        en: `There is no administrative division ${code} in your jurisdiction.`,
      });
    }
    return region;
  }

  async detail(code: string): Promise<RegionDetail> {
    const [detail] = await this.withAncestors([await this.get(code)]);
    return detail;
  }

  /** Children of a unit ordered by code; the province-level units when no parent is given. */
  async children(parentCode?: string): Promise<RegionChildrenResponse> {
    if (!parentCode) {
      const items = await this.regions.find({ where: { level: 1 }, order: { code: 'ASC' } });
      return { parent: null, items: items.map(toRegionSummary) };
    }
    const parent = await this.detail(parentCode);
    const items = await this.regions.find({ where: { parentCode }, order: { code: 'ASC' } });
    return { parent, items: items.map(toRegionSummary) };
  }

  /** Units whose name contains the text, nationally or inside one unit; the higher levels first. */
  async search(query: string, options: { within?: string; limit?: number } = {}): Promise<RegionSearchResponse> {
    const builder = this.regions
      .createQueryBuilder('region')
      .where(`region.name LIKE :pattern ESCAPE '\\'`, { pattern: `%${escapeLike(query)}%` })
      .orderBy('region.level', 'ASC')
      .addOrderBy('region.code', 'ASC')
      .limit(options.limit ?? DEFAULT_SEARCH_LIMIT);
    if (options.within) this.restrictToSubtree(builder, await this.get(options.within));
    const found = await builder.getMany();
    return { query, items: await this.withAncestors(found) };
  }

  private restrictToSubtree(builder: SelectQueryBuilder<RegionEntity>, root: RegionEntity): void {
    const column = ancestorColumnOf(root.level)?.property;
    if (!column) {
      builder.andWhere('1 = 0');
      return;
    }
    builder.andWhere(`region.${column} = :root AND region.code <> :root`, { root: root.code });
  }

  private async withAncestors(units: RegionEntity[]): Promise<RegionDetail[]> {
    const wanted = [...new Set(units.flatMap(ancestorCodes))];
    const found = wanted.length ? await this.regions.findBy({ code: In(wanted) }) : [];
    const byCode = new Map(found.map((r) => [r.code, r]));
    return units.map((unit) =>
      toRegionDetail(
        unit,
        ancestorCodes(unit)
          .map((code) => byCode.get(code))
          .filter((r): r is RegionEntity => r !== undefined),
      ),
    );
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
