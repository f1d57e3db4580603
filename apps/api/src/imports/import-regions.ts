import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { buildRegionDirectory, type RegionDirectory, type RegionUnit } from '@sitenet/domain';

/**
 * The divisions as the import resolves region names and codes against them (≈44,700 units),
 * read in one query the first time a check needs them and kept for the process: they change
 * only with a new divisions seed, which a restart applies.
 */
@Injectable()
export class ImportRegions {
  private loading: Promise<RegionDirectory> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  directory(): Promise<RegionDirectory> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = null;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<RegionDirectory> {
    const rows = await this.dataSource.query<
      {
      code: string;
      name: string;
      level: number;
      type: string;
      parent_code: string | null;
      province_code: string;
      prefecture_code: string | null;
      county_code: string | null;
      centroid_lat: number | null;
      centroid_lng: number | null;
      }[]
    >(`SELECT code, name, level, type, parent_code, province_code, prefecture_code, county_code, centroid_lat, centroid_lng FROM region ORDER BY code`);
    const units: RegionUnit[] = rows.map((row) => ({
      code: row.code,
      name: row.name,
      level: Number(row.level) as RegionUnit['level'],
      type: row.type,
      parentCode: row.parent_code,
      provinceCode: row.province_code,
      prefectureCode: row.prefecture_code,
      countyCode: row.county_code,
      centroid: row.centroid_lat !== null && row.centroid_lng !== null ? { lat: Number(row.centroid_lat), lng: Number(row.centroid_lng) } : null,
    }));
    return buildRegionDirectory(units);
  }
}
