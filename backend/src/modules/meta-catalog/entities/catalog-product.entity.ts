import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintNumber } from './bigint-number.transformer';
import type { ItemIssue, LineOfBusiness, ProductAvailability, ProductSyncState } from '../products/product-fields';

/** An insurance product of an organisation, kept in step with the linked Meta catalog under its `retailer_id`. */
@Entity({ name: 'catalog_products' })
export class CatalogProduct {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'retailer_id', type: 'varchar', length: 100 }) retailerId!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ type: 'varchar', length: 100 }) brand!: string;
  @Column({ name: 'line_of_business', type: 'varchar', length: 20 }) lineOfBusiness!: LineOfBusiness;
  @Column({ name: 'price_minor', type: 'bigint', transformer: bigintNumber }) priceMinor!: number;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ name: 'landing_url', type: 'text', nullable: true }) landingUrl!: string | null;
  @Column({ name: 'image_url', type: 'text', nullable: true }) imageUrl!: string | null;
  @Column({ type: 'varchar', length: 30 }) availability!: ProductAvailability;
  /** `custom_label_0` … `custom_label_4` by index (state, carrier, audience…); null where unset. */
  @Column({ name: 'custom_labels', type: 'jsonb', default: () => "'[]'" }) customLabels!: (string | null)[];
  /** Hash of what the product sends to Meta (product-feed.ts). */
  @Column({ name: 'content_hash', type: 'char', length: 64 }) contentHash!: string;
  /** The content hash last sent to the catalog, whatever Meta answered: equal to `contentHash` means nothing to send. */
  @Column({ name: 'sent_hash', type: 'char', length: 64, nullable: true }) sentHash!: string | null;
  /** The content hash the catalog last accepted; null while the catalog has never held the item from us. */
  @Column({ name: 'synced_hash', type: 'char', length: 64, nullable: true }) syncedHash!: string | null;
  @Column({ name: 'sync_state', type: 'varchar', length: 10, default: 'pending' }) syncState!: ProductSyncState;
  @Column({ name: 'sync_errors', type: 'jsonb', default: () => "'[]'" }) syncErrors!: ItemIssue[];
  @Column({ name: 'sync_warnings', type: 'jsonb', default: () => "'[]'" }) syncWarnings!: ItemIssue[];
  @Column({ name: 'synced_at', type: 'timestamptz', nullable: true }) syncedAt!: Date | null;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
