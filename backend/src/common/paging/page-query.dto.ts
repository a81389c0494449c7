import { ApiPropertyOptional } from '@nestjs/swagger';
import type { PageQuery } from '@legeai/contracts';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;
/**
 * The deepest page a list serves. Offsets are bound into SQL as bigint; without a bound, `offset=1e20` reached
 * PostgreSQL and failed there ("bigint out of range", a 500). A million rows in is far past any page a person
 * reads: narrow the list with its filters instead.
 */
export const MAX_PAGE_OFFSET = 1_000_000;

/**
 * Query strings are text: only a plain decimal integer becomes a number. Anything else ("1e20", "0x10", "1.5", "")
 * stays text and fails @IsInt, instead of Number() quietly reading it as something the client did not write.
 */
const DecimalInteger = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value));

/** `limit` and `offset` of every paged list; list queries extend it (or intersect it with their filters). */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT })
  @IsOptional()
  @DecimalInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_PAGE_OFFSET, default: 0 })
  @IsOptional()
  @DecimalInteger()
  @IsInt()
  @Min(0)
  @Max(MAX_PAGE_OFFSET)
  offset?: number;
}

/** The page a query asks for, with the defaults filled in. */
export function pageOf(query: PageQuery): { limit: number; offset: number } {
  return { limit: query.limit ?? DEFAULT_PAGE_LIMIT, offset: query.offset ?? 0 };
}
