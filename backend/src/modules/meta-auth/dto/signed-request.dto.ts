import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

/** Meta posts `signed_request=<signature>.<payload>` form-encoded. */
export class SignedRequestDto {
  @ApiProperty({
    description:
      'base64url(HMAC-SHA256 signature, keyed with META_APP_SECRET or, during a secret rotation, META_APP_SECRET_PREVIOUS) + "." + base64url(JSON payload)',
  })
  @IsString()
  @MaxLength(8192)
  signed_request!: string;
}
