import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

/** Leaves the console for another site (Meta's login dialog); a seam so tests can see where it would go. */
@Injectable({ providedIn: 'root' })
export class BrowserLocation {
  private readonly document = inject(DOCUMENT);

  assign(url: string): void {
    this.document.location.assign(url);
  }
}
