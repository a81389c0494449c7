import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

/**
 * Loads the console afresh at a path, so no page, store or poll keeps what it read for the previous organisation;
 * a seam so tests can see it happen.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleReload {
  private readonly document = inject(DOCUMENT);

  at(path: string): void {
    this.document.location.assign(path);
  }
}
