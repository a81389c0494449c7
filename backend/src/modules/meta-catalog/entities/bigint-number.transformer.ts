import type { ValueTransformer } from 'typeorm';

/** PostgreSQL `bigint` arrives as a string; prices in minor units stay far below 2^53, so they are read as numbers. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};
