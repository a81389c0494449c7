import { ApiProperty } from '@nestjs/swagger';
import { AccessTokenResponse, CurrentUser, Role } from '@legeai/contracts';

export class CurrentUserResponse implements CurrentUser {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty({ description: "May see and export leads' contact details (admins, managers, viewers granted it)" })
  canSeeContacts!: boolean;
  @ApiProperty({ description: "Manages the deployment's organisations (Platform ▸ Organisations); no access to their data by it" })
  platformAdmin!: boolean;
}

export class AccessTokenResponseDto implements AccessTokenResponse {
  @ApiProperty({ description: 'Bearer token for the Authorization header; short-lived' }) accessToken!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
  @ApiProperty({ type: CurrentUserResponse }) user!: CurrentUserResponse;
}
