import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AcceptInvitationRequest,
  InvitationPreviewDto,
  InvitationPreviewRequest,
  MyOrganisationDto,
  Role,
  SwitchOrganisationRequest,
} from '@legeai/contracts';
import { IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export class MyOrganisationResponse implements MyOrganisationDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ description: 'Suspended by a platform administrator: listed, but cannot be switched to' }) suspended!: boolean;
  @ApiProperty({ description: 'The organisation of the access token used for this request' }) current!: boolean;
}

export class SwitchOrganisationDto implements SwitchOrganisationRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  organisationId!: string;
}

/** The shape of an invitation token (43 base64url characters); anything else is refused before any look-up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class InvitationPreviewRequestDto implements InvitationPreviewRequest {
  @ApiProperty({ description: 'The token of the invitation link (after `#`)' })
  @IsString()
  @Matches(TOKEN, { message: 'token is not an invitation token' })
  token!: string;
}

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ description: 'The token of the invitation link (after `#`)' })
  @IsString()
  @Matches(TOKEN, { message: 'token is not an invitation token' })
  token!: string;

  @ApiProperty({ format: 'password', description: "A new account's password (at least 12 characters), or the existing account's" })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 200, description: 'Required for a new account' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;
}

export class InvitationPreviewResponse implements InvitationPreviewDto {
  @ApiProperty() organisationName!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ description: 'An account with this email exists: accepting asks for its password' }) accountExists!: boolean;
}
