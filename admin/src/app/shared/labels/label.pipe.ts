import { Pipe, PipeTransform } from '@angular/core';

import { LabelKind, label } from './labels';

/** `{{ lead.status | label: 'leadStatus' }}` → "Contacted". */
@Pipe({ name: 'label' })
export class LabelPipe implements PipeTransform {
  transform(value: string | null | undefined, kind: LabelKind): string {
    return label(kind, value);
  }
}
