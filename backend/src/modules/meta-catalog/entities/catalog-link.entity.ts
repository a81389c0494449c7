import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The Meta catalog an organisation's products sync to: one per organisation. */
@Entity({ name: 'catalog_links' })
export class CatalogLink {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'catalog_id', type: 'varchar', length: 100 }) catalogId!: string;
  @Column({ name: 'catalog_name', type: 'text' }) catalogName!: string;
  @Column({ name: 'business_id', type: 'varchar', length: 100, nullable: true }) businessId!: string | null;
  @Column({ name: 'linked_by', type: 'uuid', nullable: true }) linkedBy!: string | null;
  @Column({ name: 'linked_at', type: 'timestamptz', default: () => 'now()' }) linkedAt!: Date;
}
