import type { ValueTransformer } from 'typeorm';

/**
 * PostgreSQL `bigint` arrives as a string (it may exceed 2^53); budgets in minor units never do (Meta caps them far
 * below), so they are read as numbers.
 */
export const BIGINT_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
