import { Provider } from '@angular/core';
import { MAT_FORM_FIELD_DEFAULT_OPTIONS, MatFormFieldDefaultOptions } from '@angular/material/form-field';

/**
 * The Ads forms' fields: outlined, and with hints that take the room they need. Their hints are long (an example
 * amount in the reader's locale, what a field does for the campaign), and on a phone they wrap to a second line,
 * which Material's fixed one-line subscript would draw over the next field.
 */
export function provideAdsFieldDefaults(): Provider {
  return {
    provide: MAT_FORM_FIELD_DEFAULT_OPTIONS,
    useValue: { appearance: 'outline', subscriptSizing: 'dynamic' } satisfies MatFormFieldDefaultOptions,
  };
}
