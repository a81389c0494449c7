import type { ArgumentMetadata } from '@nestjs/common';
import { ValidationFailedError } from '../errors/api-error';
import { createValidationPipe } from './validation-pipe';

describe('createValidationPipe', () => {
  const sut = createValidationPipe();
  const as = (type: ArgumentMetadata['type'], data?: string): ArgumentMetadata => ({ type, data });

  it('lets a JSON body value span lines', async () => {
    await expect(sut.transform({ reason: 'first line\nsecond line' }, as('body'))).resolves.toEqual({ reason: 'first line\nsecond line' });
  });

  it('refuses a line break in a query or path value, and a NUL anywhere', async () => {
    await expect(sut.transform('a\nb', as('query', 'q'))).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(sut.transform('a\nb', as('param', 'id'))).rejects.toBeInstanceOf(ValidationFailedError);
    await expect(sut.transform({ reason: 'a\u0000b' }, as('body'))).rejects.toBeInstanceOf(ValidationFailedError);
  });

  it('leaves custom parameters (the principal, headers) alone', async () => {
    await expect(sut.transform('a\nb', as('custom'))).resolves.toBe('a\nb');
  });
});
