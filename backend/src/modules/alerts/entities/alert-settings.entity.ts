import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The organisation's thresholds of the failure conditions; no row: DEFAULT_ALERT_SETTINGS. */
@Entity({ name: 'alert_settings' })
export class AlertSettings {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Column({ name: 'failed_leads_threshold', type: 'integer' }) failedLeadsThreshold!: number;
  @Column({ name: 'parked_leads_threshold', type: 'integer' }) parkedLeadsThreshold!: number;
  @Column({ name: 'failed_leads_window_hours', type: 'integer' }) failedLeadsWindowHours!: number;
  @Column({ name: 'sync_failures_in_a_row', type: 'integer' }) syncFailuresInARow!: number;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}
