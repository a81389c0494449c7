import { DOCUMENT } from '@angular/common';
import { Injectable, inject } from '@angular/core';

/** Hands a downloaded file to the browser's save mechanism; a seam so tests can see what would be saved. */
@Injectable({ providedIn: 'root' })
export class FileSaver {
  private readonly document = inject(DOCUMENT);

  save(blob: Blob, fileName: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    // The click starts the download synchronously; the object URL is no longer needed afterwards.
    setTimeout(() => URL.revokeObjectURL(url));
  }
}
