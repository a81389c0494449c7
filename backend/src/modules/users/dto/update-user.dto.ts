import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, UpdateUserRequest } from '@legeai/contracts';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../../common/validation/trim.transform';

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional({ minLength: 1, maxLength: 200 })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: Role, enumName: 'Role' })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({ description: 'Whether the user may sign in. Deactivating ends their sessions.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description:
      "Grant (true) or withdraw the contact details permission: seeing leads' emails, phones and addresses " +
      'unmasked, and exporting leads. Admins and managers have it by their role; this grant gives it to a viewer.',
  })
  @IsOptional()
  @IsBoolean()
  canExportContacts?: boolean;
}
