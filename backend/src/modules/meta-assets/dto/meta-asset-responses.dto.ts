import { ApiProperty } from '@nestjs/swagger';
import { LeadFormReconcileOutcome, MetaAdAccountDto, MetaLeadFormDto, MetaPageDto } from '@legeai/contracts';

/** Swagger shapes of the contracts in libs/contracts/src/meta.ts (the interfaces are the source of truth). */

export class MetaAdAccountResponse implements MetaAdAccountDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'act_1015012345' }) adAccountId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() currency!: string;
  @ApiProperty() timezone!: string;
  @ApiProperty({ nullable: true, type: Number }) accountStatus!: number | null;
  @ApiProperty() isActive!: boolean;
}

export class MetaPageResponse implements MetaPageDto {
  @ApiProperty() id!: string;
  @ApiProperty() pageId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) category!: string | null;
  @ApiProperty({ nullable: true, type: Number }) followersCount!: number | null;
  @ApiProperty({ description: "Whether the page is subscribed to our app's leadgen webhook" }) subscribed!: boolean;
  @ApiProperty({ type: [String] }) tasks!: string[];
  @ApiProperty() isActive!: boolean;
  @ApiProperty({ description: 'Another organisation has this Page connected; it stays inactive here until that one lets go' })
  connectedElsewhere!: boolean;
}

export class MetaLeadFormResponse implements MetaLeadFormDto {
  @ApiProperty() id!: string;
  @ApiProperty() formId!: string;
  @ApiProperty() pageId!: string;
  @ApiProperty() pageName!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: "Meta's status (ACTIVE, ARCHIVED, ...), or REMOVED when Meta no longer lists it" }) status!: string;
  @ApiProperty({ deprecated: true, description: 'Same as leadsAtMeta (kept for existing clients)' }) leadsCount!: number;
  @ApiProperty({ description: "Meta's count of the form's leads, as of the last asset refresh" }) leadsAtMeta!: number;
  @ApiProperty({ description: 'Leads stored in LEGEAI from this form, test leads included' }) leadsStored!: number;
  @ApiProperty() autoSync!: boolean;
  @ApiProperty() questionCount!: number;
  @ApiProperty({ description: 'Questions neither the mapping nor the standard defaults cover (as in the mapping endpoint)' })
  unmappedQuestions!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the last reconciliation sweep of its leads ran' }) lastReconciledAt!:
    string | null;
  @ApiProperty({ nullable: true, enum: ['ok', 'skipped', 'failed'] }) lastReconcileOutcome!: LeadFormReconcileOutcome | null;
  @ApiProperty({ nullable: true, type: String, description: 'What the sweep read, or why it was skipped or stopped' }) lastReconcileNote!:
    string | null;
}
