import { ApiProperty } from '@nestjs/swagger';
import { CreateApiKeyRequest, Role } from '@legeai/contracts';
import { IsEnum, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export class CreateApiKeyDto implements CreateApiKeyRequest {
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'CRM import' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: Role, enumName: 'Role', description: 'What the key may do, as for a user of that role' })
  @IsEnum(Role)
  role!: Role;
}
