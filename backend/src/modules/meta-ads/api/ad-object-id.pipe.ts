import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '../../../common/errors/api-error';
import { AD_OBJECT_ID_PATTERN } from './dto/ad-object-writes.dto';

/** `:id` of a campaign, ad set or ad: our id (uuid) or Meta's numeric id. */
@Injectable()
export class AdObjectIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!AD_OBJECT_ID_PATTERN.test(value))
      throw new ValidationFailedError([{ field: 'id', messages: ["id must be a local id (uuid) or Meta's numeric id"] }]);
    return value;
  }
}
