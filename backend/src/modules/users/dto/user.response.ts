import { ApiProperty } from '@nestjs/swagger';
import { Role, UserDto } from '@legeai/contracts';

export class UserResponse implements UserDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role!: Role;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'Granted the contact details permission (admins and managers have it by role)' })
  canExportContacts!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt!: string | null;
}
