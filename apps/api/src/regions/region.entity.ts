import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/**
 * One administrative unit. Ancestors are denormalised into `province_code`, `prefecture_code`
 * and `county_code` so that "everything inside a unit" is one indexed equality, at any level,
 * whatever the unit's depth (municipalities and 省直辖 counties have no prefecture).
 */
@Entity({ name: 'region' })
@Index('ix_region_parent', ['parentCode'])
@Index('ix_region_province', ['provinceCode', 'level'])
@Index('ix_region_prefecture', ['prefectureCode', 'level'])
@Index('ix_region_county', ['countyCode'])
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, primaryKeyConstraintName: 'pk_region' })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'smallint' })
  level!: number;

  @Column({ type: 'varchar', length: 32 })
  type!: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_region_parent' })
  parent?: RegionEntity | null;

  @Column({ name: 'province_code', type: 'varchar', length: 6 })
  provinceCode!: string;

  @Column({ name: 'prefecture_code', type: 'varchar', length: 6, nullable: true })
  prefectureCode!: string | null;

  @Column({ name: 'county_code', type: 'varchar', length: 6, nullable: true })
  countyCode!: string | null;

  @Column({ name: 'statistical_only', type: 'boolean', default: false })
  statisticalOnly!: boolean;

  @Column({ name: 'child_count', type: 'integer', default: 0 })
  childCount!: number;

  @Column({ name: 'centroid_lat', type: 'double precision', nullable: true })
  centroidLat!: number | null;

  @Column({ name: 'centroid_lng', type: 'double precision', nullable: true })
  centroidLng!: number | null;
}
