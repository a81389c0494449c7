import { ApiProperty } from '@nestjs/swagger';
import { LoginRequest } from '@legeai/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

/**
 * Only shape is checked here: a malformed email is simply an unknown one (same 401), and the password policy
 * applies when passwords are set, not when they are tried.
 */
export class LoginDto implements LoginRequest {
  @ApiProperty({ format: 'email', example: 'admin@legeai.local' })
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}
