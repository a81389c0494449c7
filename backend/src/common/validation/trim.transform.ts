import { Transform } from 'class-transformer';

/** Trims strings before validation, so "  " fails a MinLength(1) and emails with stray spaces still validate. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
