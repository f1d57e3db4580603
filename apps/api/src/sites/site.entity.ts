import { Check, Column, type ColumnType, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { COMMON_SITE_FIELDS, commonFieldColumns, type CommonSiteFields } from '@sitenet/domain/schemas';
import { RegionEntity } from '../regions/region.entity.js';

/**
 * A service site. Common fields are columns (declared in COMMON_SITE_FIELDS, which says each
 * one's columns: `declareCommonSiteColumns` makes them); the kind's own fields live in `attributes` (JSON,
 * validated by the kind's schema), so a new kind needs no migration. The site's units are
 * denormalised (province, prefecture, county, township) so filters and coverage group by an
 * indexed column at any level.
 */
@Entity({ name: 'site' })
@Index('ix_site_province_kind_status', ['provinceCode', 'kind', 'status'])
@Index('ix_site_prefecture', ['prefectureCode'])
@Index('ix_site_county', ['countyCode'])
@Index('ix_site_township', ['townshipCode'])
@Index('ix_site_updated_at_id', ['updatedAt', 'id'])
@Index('ix_site_approved_at', ['approvedAt'])
@Index('ix_site_kind_attributes_version', ['kind', 'attributesVersion'])
@Check('ck_site_attributes_version', '"attributes_version" >= 1')
export class SiteEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_site' })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: string;

  // The common fields' columns, made from COMMON_SITE_FIELDS below (declareCommonSiteColumns);
  // typed here for the code that reads them by name (filters, coverage, the region relation).
  // Null only in a draft (issue 12): a submitted site is complete.
  name!: string | null;
  regionCode!: string;
  address!: string | null;
  lat!: number | null;
  lng!: number | null;
  locationSource!: string | null;
  operatorName!: string | null;
  operatorCreditCode!: string | null;
  contactPerson!: string | null;
  contactPhone!: string | null;
  openedOn!: string | null;
  barrierFree!: string[];

  @ManyToOne(() => RegionEntity, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'fk_site_region' })
  region?: RegionEntity;

  @Column({ name: 'province_code', type: 'varchar', length: 6 })
  provinceCode!: string;

  @Column({ name: 'prefecture_code', type: 'varchar', length: 6, nullable: true })
  prefectureCode!: string | null;

  @Column({ name: 'county_code', type: 'varchar', length: 6 })
  countyCode!: string;

  @Column({ name: 'township_code', type: 'varchar', length: 12, nullable: true })
  townshipCode!: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  attributes!: Record<string, unknown>;

  /**
   * The kind's `attributesVersion` the attributes were written with: writes store the current
   * one, and a start upgrades rows below it (database/kind-attributes-upgrade.ts).
   */
  @Column({ name: 'attributes_version', type: 'integer', default: 1 })
  attributesVersion!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  @VersionColumn({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'created_by', type: 'varchar', length: 64, nullable: true })
  createdBy!: string | null;

  @Column({ name: 'updated_by', type: 'varchar', length: 64, nullable: true })
  updatedBy!: string | null;

  /** Who last submitted it for review (nobody approves their own submission). */
  @Column({ name: 'submitted_by', type: 'varchar', length: 64, nullable: true })
  submittedBy!: string | null;

  /** When it was first approved (published): the coverage trend counts from here. */
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt!: Date | null;

  /** A change to a published site, waiting for review; the published fields stay in force. */
  @Column({ name: 'pending_change', type: 'jsonb', nullable: true })
  pendingChange!: PendingChange | null;
}

/**
 * Makes the columns of the common site fields as their declaration gives them (the SQL name is the
 * property's snake_case): a new common field needs its migration, not an edit here.
 */
function declareCommonSiteColumns(declared: CommonSiteFields): void {
  for (const column of commonFieldColumns(declared)) {
    const array = column.type === 'text[]';
    Column({
      name: column.property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`),
      type: (array ? 'text' : column.type) as ColumnType,
      ...(array ? { array: true } : {}),
      ...(column.length !== undefined ? { length: column.length } : {}),
      ...(column.nullable ? { nullable: true } : {}),
      ...(column.default !== undefined ? { default: () => column.default! } : {}),
    })(SiteEntity.prototype, column.property);
  }
}

declareCommonSiteColumns(COMMON_SITE_FIELDS);

export interface PendingChange {
  status: 'submitted' | 'returned';
  /** The proposed editable fields, whole (same shape as editableFields()). */
  fields: Record<string, unknown>;
  /** The units of the proposed region. */
  units: { regionCode: string; provinceCode: string; prefectureCode: string | null; countyCode: string; townshipCode: string | null };
  proposedBy: string;
  proposedByName: string;
  proposedAt: string;
  reason: string | null;
}
