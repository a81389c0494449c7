import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Meta posts `signed_request=<signature>.<payload>` form-encoded. */
export class SignedRequestDto {
  @ApiProperty({ description: 'base64url(HMAC-SHA256 signature) + "." + base64url(JSON payload)' })
  @IsString()
  @MaxLength(8192)
  signed_request!: string;
}
