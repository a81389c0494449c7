import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CatalogImportReport } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { CatalogApi } from '../data/catalog-api';

/** Above this the server refuses the body (its BODY_LIMIT, 1 MB by default): split the file. */
const MAX_FILE_BYTES = 1024 * 1024;

/** Imports a CSV file and shows the server's row-by-row report. Closes with the report (or nothing). */
@Component({
  selector: 'lg-import-dialog',
  imports: [MatButtonModule, MatDialogModule, MatIconModule, MatProgressBarModule],
  template: `
    @if (importing()) {
      <mat-progress-bar mode="indeterminate" class="progress" />
    }
    <h2 mat-dialog-title>Import products</h2>
    <mat-dialog-content>
      @if (errorMessage(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      @if (report(); as r) {
        <p role="status" data-testid="import-summary">
          {{ r.rows }} rows read: {{ r.created }} new, {{ r.updated }} changed, {{ r.unchanged }} unchanged, {{ r.rejected }} not imported.
        </p>
        @if (r.problems.length) {
          <table class="problems" aria-label="Rows not imported" data-testid="import-problems">
            <thead>
              <tr>
                <th>Line</th>
                <th>Column</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              @for (p of r.problems; track $index) {
                <tr>
                  <td>{{ p.row }}</td>
                  <td>{{ p.field }}</td>
                  <td>{{ p.message }}</td>
                </tr>
              }
            </tbody>
          </table>
        }
      } @else {
        <p>
          A CSV file with a header row. Columns: retailer_id, name, brand, price (like 19.99) and currency are needed; description,
          line_of_business, landing_url, image_url, availability and custom_label_0 to custom_label_4 are optional. Rows with a known
          retailer_id update that product.
        </p>
        <input #file type="file" accept=".csv,text/csv" (change)="pick(file.files)" hidden data-testid="import-file" />
        <button matButton="outlined" type="button" (click)="file.click()" [disabled]="importing()">
          <mat-icon>upload_file</mat-icon>
          Choose a CSV file
        </button>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button matButton="filled" type="button" (click)="close()">{{ report() ? 'Done' : 'Cancel' }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    @use '../../../shared/ui/styles/form-dialog';
    @include form-dialog.form-dialog;
    .problems {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.875rem;
    }
    .problems th,
    .problems td {
      text-align: left;
      padding: 4px 6px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportDialog {
  private readonly api = inject(CatalogApi);
  private readonly dialogRef = inject<MatDialogRef<ImportDialog, CatalogImportReport>>(MatDialogRef);
  protected readonly importing = signal(false);
  protected readonly errorMessage = signal<string | null>(null);
  protected readonly report = signal<CatalogImportReport | null>(null);

  protected async pick(files: FileList | null): Promise<void> {
    const file = files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      this.errorMessage.set('The file is larger than 1 MB: split it into smaller files.');
      return;
    }
    this.importing.set(true);
    this.errorMessage.set(null);
    const text = await file.text();
    this.api.importCsv(text).subscribe({
      next: (report) => {
        this.importing.set(false);
        this.report.set(report);
      },
      error: (error: unknown) => {
        this.importing.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }

  protected close(): void {
    this.dialogRef.close(this.report() ?? undefined);
  }
}
