import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { RegionEntity } from '../regions/region.entity.js';
import { RegionPaths } from './region-paths.js';

/** A unit's full name for a file name and a sheet header (`吉林省长春市南关区`). */
@Injectable()
export class RegionNames {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  async fullName(code: string): Promise<string> {
    const paths = new RegionPaths(this.regions);
    await paths.load([code]);
    return paths.fullName(code) || code;
  }
}
