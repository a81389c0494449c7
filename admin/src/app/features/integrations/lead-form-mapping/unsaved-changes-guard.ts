import { inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { CanDeactivateFn } from '@angular/router';

import { confirmAction } from '../../../shared/ui/confirm-dialog/confirm-dialog';

/** A page holding edits that leaving it would lose. */
export interface HoldsEdits {
  hasUnsavedChanges(): boolean;
}

/** Asks before leaving a page with unsaved edits; leaving without edits needs no answer. */
export const unsavedChangesGuard: CanDeactivateFn<HoldsEdits> = (page) =>
  !page.hasUnsavedChanges() ||
  confirmAction(inject(MatDialog), {
    title: 'Discard unsaved changes?',
    message: 'The mapping has changes that are not saved. Leaving this page discards them.',
    confirmLabel: 'Discard',
    destructive: true,
  });
