/** Offset paging used by list endpoints. */
export interface PageQuery {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  /** Lists that can grow past a million rows (leads, audit log): false when `total` is PostgreSQL's estimate. */
  totalExact?: boolean;
  limit: number;
  offset: number;
}
