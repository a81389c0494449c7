import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError } from '@legeai/contracts';
import { ValidationFailedError } from '../errors/api-error';
import { controlCharacterFields } from './control-characters';
import { foldQueryMaps } from './query-map';

/** Flattens class-validator's nested errors into `field.path: messages` pairs. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * The DTO validation, preceded by one rule for every string a client sends: no control characters, except tab and
 * line breaks in JSON body values (see control-characters.ts). Checked here, on the raw query, path parameters and body, so that no endpoint can forget
 * it and a field the DTO later strips or transforms is covered too. Custom parameters (the principal, headers) are
 * not client text and are left alone. A query class's maps (`@QueryMap`) are gathered before it is validated.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const fields = controlCharacterFields(value, metadata.data, { allowLineBreaks: metadata.type === 'body' });
      if (fields.length) throw new ValidationFailedError(fields);
    }
    if (metadata.type === 'query') {
      const folded = foldQueryMaps(metadata.metatype, value);
      if (folded.errors.length) throw new ValidationFailedError(folded.errors);
      return super.transform(folded.value, metadata);
    }
    return super.transform(value, metadata);
  }
}

/** The one global pipe: unknown properties are rejected, and a 400 names each offending field. */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationFailedError(toFieldErrors(errors)),
  });
}
