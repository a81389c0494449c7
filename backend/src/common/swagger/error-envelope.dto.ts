import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, ErrorEnvelope, FieldError } from '@legeai/contracts';

export class FieldErrorDto implements FieldError {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ type: [String], example: ['email must be an email'] }) messages!: string[];
}

export class ErrorBodyDto {
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty({ enum: ErrorCode, enumName: 'ErrorCode', example: ErrorCode.ValidationFailed }) code!: ErrorCode | string;
  @ApiProperty({ example: 'Invalid request: check email' }) message!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) fields?: FieldErrorDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details?: Record<string, unknown>;
  @ApiPropertyOptional({ example: 'b7c1d0e2-4b1a-4d0f-9a52-0c5d2f8e6a11' }) requestId?: string;
}

/** Swagger model of ErrorEnvelope, the body of every 4xx/5xx. */
export class ErrorEnvelopeDto implements ErrorEnvelope {
  @ApiProperty({ type: ErrorBodyDto }) error!: ErrorBodyDto;
}
