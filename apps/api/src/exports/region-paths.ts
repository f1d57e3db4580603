import { In, type Repository } from 'typeorm';
import type { RegionPathEntry } from '@sitenet/domain';
import type { RegionEntity } from '../regions/region.entity.js';
import { ancestorCodes } from '../regions/region.mapper.js';

/**
 * The region path (province down to the unit) of the sites an export writes, read from the
 * regions table a page of sites at a time and kept for the request: one query per page at most,
 * whatever the number of sites.
 */
export class RegionPaths {
  private readonly units = new Map<string, RegionEntity | null>();
  /** Built once per unit: each row asks for it once per region column. */
  private readonly paths = new Map<string, RegionPathEntry[]>();

  constructor(private readonly regions: Repository<RegionEntity>) {}

  /** Loads the units of `codes` and their ancestors that are not known yet. */
  async load(codes: Iterable<string>): Promise<void> {
    const wanted = new Set<string>();
    for (const code of codes) if (!this.units.has(code)) wanted.add(code);
    if (!wanted.size) return;
    const found = await this.fetch([...wanted]);
    const ancestors = new Set<string>();
    for (const unit of found) {
      for (const code of ancestorCodes(unit)) if (!this.units.has(code)) ancestors.add(code);
    }
    if (ancestors.size) await this.fetch([...ancestors]);
  }

  /** The path of a unit (loaded before), from the province down to it; empty for an unknown code. */
  path(code: string): RegionPathEntry[] {
    const known = this.paths.get(code);
    if (known) return known;
    const unit = this.units.get(code);
    if (!unit) return [];
    const path = [...ancestorCodes(unit), unit.code]
      .map((c) => this.units.get(c))
      .filter((u): u is RegionEntity => !!u)
      .map((u) => ({ code: u.code, name: u.name, level: u.level }));
    this.paths.set(code, path);
    return path;
  }

  /** The unit's full name, `吉林省长春市南关区` (its own name when its path is not loaded). */
  fullName(code: string): string {
    return this.path(code)
      .map((entry) => entry.name)
      .join('');
  }

  private async fetch(codes: string[]): Promise<RegionEntity[]> {
    const found = await this.regions.find({ where: { code: In(codes) } });
    for (const code of codes) this.units.set(code, null);
    for (const unit of found) this.units.set(unit.code, unit);
    return found;
  }
}
