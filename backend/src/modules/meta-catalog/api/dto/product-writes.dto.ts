import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  type ValidationOptions,
} from 'class-validator';
import type { CatalogProductRequest } from '@legeai/contracts';
import { Trim } from '../../../../common/validation/trim.transform';
import {
  LINES_OF_BUSINESS,
  MAX_CUSTOM_LABEL,
  MAX_CUSTOM_LABELS,
  MAX_DESCRIPTION,
  MAX_TITLE,
  PRODUCT_AVAILABILITIES,
  RETAILER_ID,
  type LineOfBusiness,
  type ProductAvailability,
} from '../../products/product-fields';

/** A price above this is a typo: ten million in major units. */
export const MAX_PRICE_MINOR = 1_000_000_000;
/** A custom label: text of at most 100 characters, or null for an unset one. */
const IsLabel = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isLabel',
      validator: {
        validate: (value: unknown) => value === null || (typeof value === 'string' && value.length <= MAX_CUSTOM_LABEL),
        defaultMessage: () => `each custom label must be text of at most ${MAX_CUSTOM_LABEL} characters, or null`,
      },
    },
    options,
  );
const URL_OPTIONS = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

/**
 * A product as the console and the API write it. Saving needs only what identifies and prices it; what Meta still
 * needs (an https image, a description…) is reported as readiness issues on the product.
 */
export class CreateProductDto implements CatalogProductRequest {
  @ApiProperty({
    description: "Stable id of the product in the catalog (Meta's retailer_id), unique in the organisation",
    example: 'AUTO-STD-TX',
  })
  @Trim()
  @IsString()
  @Matches(RETAILER_ID, { message: 'retailerId must be 1 to 100 letters, digits, dots, colons, dashes or underscores' })
  retailerId!: string;

  @ApiProperty({ maxLength: MAX_TITLE, example: 'Auto insurance – Standard (Texas)' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_TITLE)
  name!: string;

  @ApiPropertyOptional({ maxLength: MAX_DESCRIPTION, default: '' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MAX_DESCRIPTION)
  description?: string;

  @ApiProperty({ maxLength: 100, description: 'Carrier or agency shown as the brand', example: 'Harbor Point' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  brand!: string;

  @ApiPropertyOptional({ enum: LINES_OF_BUSINESS, default: 'other' })
  @IsOptional()
  @IsIn(LINES_OF_BUSINESS)
  lineOfBusiness?: LineOfBusiness;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: MAX_PRICE_MINOR,
    description: '"From" price or premium in minor units (1999 = 19.99)',
  })
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_MINOR)
  priceMinor!: number;

  @ApiProperty({ example: 'USD', description: 'ISO 4217 code' })
  @Trim()
  @IsString()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code in capitals, like USD' })
  currency!: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000, example: 'https://example.com/auto' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Trim()
  @IsUrl(URL_OPTIONS, { message: 'landingUrl must be an absolute http(s) URL' })
  @MaxLength(2000)
  landingUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 2000, example: 'https://example.com/auto.jpg' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @Trim()
  @IsUrl(URL_OPTIONS, { message: 'imageUrl must be an absolute http(s) URL' })
  @MaxLength(2000)
  imageUrl?: string | null;

  @ApiPropertyOptional({ enum: PRODUCT_AVAILABILITIES, default: 'in stock' })
  @IsOptional()
  @IsIn(PRODUCT_AVAILABILITIES)
  availability?: ProductAvailability;

  @ApiPropertyOptional({
    type: [String],
    maxItems: MAX_CUSTOM_LABELS,
    description: 'custom_label_0 … custom_label_4 by position (e.g. state, carrier, audience); null leaves one unset',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CUSTOM_LABELS)
  @IsLabel({ each: true })
  customLabels?: (string | null)[];
}

/** Every field optional; `retailerId` may change too (the old item is deleted from the catalog, the new one created). */
export class UpdateProductDto extends PartialType(CreateProductDto) {}
