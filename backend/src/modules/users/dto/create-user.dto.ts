import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateUserRequest, Role } from '@legeai/contracts';
import { IsEmail, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy';
import { Trim } from '../../../common/validation/trim.transform';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ format: 'email', maxLength: 320, example: 'ann@example.com' })
  @Trim()
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Ann Example' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: Role, enumName: 'Role' })
  @IsEnum(Role)
  role!: Role;

  @ApiPropertyOptional({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    format: 'password',
    description: 'Required for a new account; ignored when the email already has one (it gains a membership here)',
  })
  @IsOptional()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password?: string;
}
