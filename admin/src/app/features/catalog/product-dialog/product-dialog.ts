import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { CatalogLineOfBusiness, CatalogProductAvailability, CatalogProductDto, CatalogProductRequest } from '@legeai/contracts';

import { httpErrorMessage } from '../../../core/errors/http-error-message';
import { CatalogApi } from '../data/catalog-api';
import { AVAILABILITY_LABELS, LINE_OF_BUSINESS_LABELS } from '../data/catalog-labels';

const LABEL_NAMES = ['State', 'Carrier', 'Audience', 'Label 4', 'Label 5'];

/** "19.99" → 1999; null when it is not an amount with at most two decimals. */
export function toMinor(text: string): number | null {
  const match = /^(\d{1,10})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0')) : null;
}

/** Creates a product, or edits one (its retailer id stays). Closes with the saved product. */
@Component({
  selector: 'lg-product-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    ReactiveFormsModule,
  ],
  template: `
    @if (saving()) {
      <mat-progress-bar mode="indeterminate" class="progress" />
    }
    <h2 mat-dialog-title>{{ product ? 'Edit product' : 'New product' }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content>
        @if (errorMessage(); as message) {
          <p class="error" role="alert">{{ message }}</p>
        }
        @if (product?.readiness?.length) {
          <div class="issues" role="note">
            <strong>Meta still needs:</strong>
            <ul>
              @for (issue of product!.readiness; track issue.message) {
                <li>{{ issue.message }}</li>
              }
            </ul>
          </div>
        }
        <mat-form-field appearance="outline">
          <mat-label>Product id</mat-label>
          <input matInput formControlName="retailerId" autocomplete="off" required />
          <mat-hint>Stays the same for the life of the product, e.g. AUTO-STD-TX.</mat-hint>
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Description</mat-label>
          <textarea matInput formControlName="description" rows="3" maxlength="9999"></textarea>
        </mat-form-field>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Brand or carrier</mat-label>
            <input matInput formControlName="brand" required maxlength="100" />
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Line of business</mat-label>
            <mat-select formControlName="lineOfBusiness">
              @for (line of lines; track line[0]) {
                <mat-option [value]="line[0]">{{ line[1] }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>Price from</mat-label>
            <input matInput formControlName="price" inputmode="decimal" required />
            <mat-hint>Monthly premium, e.g. 19.99</mat-hint>
            @if (form.controls.price.touched && form.controls.price.invalid) {
              <mat-error>Write an amount like 19.99</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>Currency</mat-label>
            <input matInput formControlName="currency" maxlength="3" required />
            @if (form.controls.currency.touched && form.controls.currency.invalid) {
              <mat-error>Three capital letters, like USD</mat-error>
            }
          </mat-form-field>
        </div>
        <mat-form-field appearance="outline">
          <mat-label>Landing page</mat-label>
          <input matInput formControlName="landingUrl" type="url" placeholder="https://…" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Image</mat-label>
          <input matInput formControlName="imageUrl" type="url" placeholder="https://…" />
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Availability</mat-label>
          <mat-select formControlName="availability">
            @for (option of availabilities; track option[0]) {
              <mat-option [value]="option[0]">{{ option[1] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <div class="labels" formArrayName="customLabels">
          @for (control of form.controls.customLabels.controls; track $index) {
            <mat-form-field appearance="outline">
              <mat-label>{{ labelNames[$index] }}</mat-label>
              <input matInput [formControlName]="$index" maxlength="100" />
            </mat-form-field>
          }
        </div>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" (click)="cancel()">Cancel</button>
        <button matButton="filled" type="submit" [disabled]="saving()">Save</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    @use '../../../shared/ui/styles/form-dialog';
    @include form-dialog.form-dialog;
    .row,
    .labels {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row mat-form-field,
    .labels mat-form-field {
      flex: 1 1 160px;
      width: auto;
    }
    .issues {
      padding: 8px 12px;
      border-radius: 8px;
      margin: 0 0 12px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .issues ul {
      margin: 4px 0 0;
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProductDialog {
  private readonly api = inject(CatalogApi);
  private readonly dialogRef = inject<MatDialogRef<ProductDialog, CatalogProductDto>>(MatDialogRef);
  protected readonly product = inject<CatalogProductDto | null>(MAT_DIALOG_DATA, { optional: true });
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly lines = Object.entries(LINE_OF_BUSINESS_LABELS) as [CatalogLineOfBusiness, string][];
  protected readonly availabilities = Object.entries(AVAILABILITY_LABELS) as [CatalogProductAvailability, string][];
  protected readonly labelNames = LABEL_NAMES;
  protected readonly saving = signal(false);
  protected readonly errorMessage = signal<string | null>(null);

  protected readonly form = this.fb.group({
    retailerId: [this.product?.retailerId ?? '', [Validators.required, Validators.pattern(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/)]],
    name: [this.product?.name ?? '', [Validators.required, Validators.maxLength(200)]],
    description: [this.product?.description ?? ''],
    brand: [this.product?.brand ?? '', [Validators.required, Validators.maxLength(100)]],
    lineOfBusiness: [this.product?.lineOfBusiness ?? ('auto' as CatalogLineOfBusiness)],
    price: [
      this.product ? (this.product.priceMinor / 100).toFixed(2) : '',
      [Validators.required, Validators.pattern(/^\d{1,10}([.,]\d{1,2})?$/)],
    ],
    currency: [this.product?.currency ?? 'USD', [Validators.required, Validators.pattern(/^[A-Z]{3}$/)]],
    landingUrl: [this.product?.landingUrl ?? ''],
    imageUrl: [this.product?.imageUrl ?? ''],
    availability: [this.product?.availability ?? ('in stock' as CatalogProductAvailability)],
    customLabels: this.fb.array(LABEL_NAMES.map((_, i) => this.fb.control(this.product?.customLabels[i] ?? ''))),
  });

  constructor() {
    if (this.product) this.form.controls.retailerId.disable();
  }

  protected save(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: CatalogProductRequest = {
      retailerId: v.retailerId.trim(),
      name: v.name.trim(),
      description: v.description.trim(),
      brand: v.brand.trim(),
      lineOfBusiness: v.lineOfBusiness,
      priceMinor: toMinor(v.price)!,
      currency: v.currency,
      landingUrl: v.landingUrl.trim() || null,
      imageUrl: v.imageUrl.trim() || null,
      availability: v.availability,
      customLabels: v.customLabels.map((label) => label.trim() || null),
    };
    this.saving.set(true);
    this.errorMessage.set(null);
    const { retailerId, ...changes } = body;
    const request = this.product ? this.api.updateProduct(this.product.id, changes) : this.api.createProduct({ retailerId, ...changes });
    request.subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorMessage.set(httpErrorMessage(error));
      },
    });
  }

  protected cancel(): void {
    this.dialogRef.close();
  }
}
