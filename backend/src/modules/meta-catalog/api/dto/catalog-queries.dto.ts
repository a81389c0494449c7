import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../../common/paging/page-query.dto';
import { Trim } from '../../../../common/validation/trim.transform';
import { PRODUCT_SYNC_STATES, type ProductSyncState } from '../../products/product-fields';

const GRAPH_ID = /^\d{1,30}$/;

class ProductFilterDto {
  @ApiPropertyOptional({ enum: PRODUCT_SYNC_STATES })
  @IsOptional()
  @IsIn(PRODUCT_SYNC_STATES)
  syncState?: ProductSyncState;

  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the name or the retailer id' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export class ProductListQueryDto extends IntersectionType(PageQueryDto, ProductFilterDto) {}
export class SyncListQueryDto extends PageQueryDto {}

export class CatalogListQueryDto {
  @ApiPropertyOptional({ description: "The business whose catalogs to list; all the connection's businesses when absent" })
  @IsOptional()
  @Matches(GRAPH_ID, { message: 'businessId must be a Meta id (digits)' })
  businessId?: string;
}

export class CreateCatalogDto {
  @ApiProperty({ description: 'The business that will own the catalog' })
  @Matches(GRAPH_ID, { message: 'businessId must be a Meta id (digits)' })
  businessId!: string;

  @ApiProperty({ maxLength: 200, example: 'Insurance products' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class LinkCatalogDto {
  @ApiProperty({ description: "The Meta catalog to sync the organisation's products to" })
  @Matches(GRAPH_ID, { message: 'catalogId must be a Meta id (digits)' })
  catalogId!: string;
}
