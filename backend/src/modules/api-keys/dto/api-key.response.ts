import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyDto, CreatedApiKeyResponse, Role } from '@legeai/contracts';

export class ApiKeyResponse implements ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'lgk_3f9a1c0b7e2d', description: 'Start of the key, to recognise it' }) prefix!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class CreatedApiKeyResponseDto extends ApiKeyResponse implements CreatedApiKeyResponse {
  @ApiProperty({ description: 'The full key, sent as the x-api-key header. Shown once; store it now.' })
  key!: string;
}
