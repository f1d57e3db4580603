import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { RegionEntity } from '../regions/region.entity.js';

/**
 * Where a township's service centre (or government) is: the demand point of proximity targets.
 * No public data has township coordinates, so staff enter them (WGS-84 stored).
 */
@Entity({ name: 'service_point' })
export class ServicePointEntity {
  @PrimaryColumn({ name: 'region_code', type: 'varchar', length: 12, primaryKeyConstraintName: 'pk_service_point' })
  regionCode!: string;

  @OneToOne(() => RegionEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_service_point_region' })
  region?: RegionEntity;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ name: 'updated_by', type: 'varchar', length: 64, nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
