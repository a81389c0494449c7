import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A Facebook Page the connected user manages; lead forms and leadgen webhooks hang off pages. */
@Entity({ name: 'meta_pages' })
@Index('uq_meta_pages_org_page', ['organisationId', 'pageId'], { unique: true })
// One organisation at a time: `uq_meta_pages_active_page` (page_id) WHERE is_active, in the migration.
export class MetaPage {
  @PrimaryGeneratedColumn('uuid') id!: string;

  @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'integration_id', type: 'uuid' }) integrationId!: string;

  @Column({ name: 'page_id', type: 'varchar', length: 100 }) pageId!: string;
  @Column({ name: 'page_name', type: 'varchar', length: 255, nullable: true }) pageName!: string | null;

  /** Page access token (needed to read leads), encrypted; both columns are set or both are null. */
  @Column({ name: 'page_access_token_ciphertext', type: 'text', nullable: true }) pageAccessTokenCiphertext!: string | null;
  @Column({ name: 'page_access_token_key_id', type: 'varchar', length: 64, nullable: true }) pageAccessTokenKeyId!: string | null;

  /** Meta's business the Page belongs to: its ad accounts are the ones whose currency the Page's leads use. */
  @Column({ name: 'business_id', type: 'varchar', length: 100, nullable: true }) businessId!: string | null;
  @Column({ name: 'category', type: 'varchar', length: 100, nullable: true }) category!: string | null;
  @Column({ name: 'followers_count', type: 'integer', nullable: true }) followersCount!: number | null;
  /** What the connected user may do on the page (ADVERTISE, MANAGE, ...); leads need ADVERTISE. */
  @Column({ name: 'tasks', type: 'text', array: true, default: () => `'{}'` }) tasks!: string[];
  @Column({ name: 'is_active', type: 'boolean', default: true }) isActive!: boolean;
  /** Another organisation has this Page connected (a Page is connected by one at a time); inactive here meanwhile. */
  @Column({ name: 'connected_elsewhere', type: 'boolean', default: false }) connectedElsewhere!: boolean;
  /** Whether the app is subscribed to this page's `leadgen` webhook field. */
  @Column({ name: 'webhook_subscribed', type: 'boolean', default: false }) webhookSubscribed!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
