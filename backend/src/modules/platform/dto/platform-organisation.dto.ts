import { ApiProperty } from '@nestjs/swagger';
import {
  CreateInvitationRequest,
  CreatedInvitationDto,
  CreateOrganisationRequest,
  OrganisationState,
  PendingInvitationDto,
  PlatformOrganisationDto,
  Role,
} from '@legeai/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export class PlatformOrganisationResponse implements PlatformOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Acme Insurance' }) name!: string;
  @ApiProperty({ enum: ['active', 'suspended'] }) state!: OrganisationState;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) suspendedAt!: string | null;
  @ApiProperty({ description: 'Active members' }) members!: number;
  @ApiProperty({ description: 'Invitations neither accepted, revoked nor expired' }) pendingInvitations!: number;
}

export class CreateOrganisationDto implements CreateOrganisationRequest {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Acme Insurance' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class CreateInvitationDto implements CreateInvitationRequest {
  @ApiProperty({ format: 'email', maxLength: 320, example: 'first.admin@example.com' })
  @Trim()
  @IsEmail()
  @MaxLength(320)
  email!: string;
}

export class CreatedInvitationResponse implements CreatedInvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'The single-use token, shown this once (only its hash is stored)' }) token!: string;
  @ApiProperty({ description: 'The link on PUBLIC_URL: `<PUBLIC_URL>/invitation#<token>`' }) link!: string;
}

export class PendingInvitationResponse implements PendingInvitationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: String, nullable: true, description: "Who made it (the account's display name); null when the account is gone" })
  invitedByName!: string | null;
}
