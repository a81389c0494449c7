import { Injectable, Injector, PendingTasks, inject } from '@angular/core';
import type { MatSnackBar, MatSnackBarConfig } from '@angular/material/snack-bar';

/**
 * The one place the console shows transient messages, so they look and behave the same everywhere. The snack bar
 * (and the overlay it brings) is loaded with the first message rather than with the console, whose first load is
 * mostly the sign-in page; the load is a pending task, so the app (and a spec's `whenStable`) waits for the message.
 */
@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly injector = inject(Injector);
  private readonly pendingTasks = inject(PendingTasks);
  private snackBar: Promise<MatSnackBar> | null = null;

  info(message: string): void {
    this.open(message, undefined, { duration: 4000 });
  }

  error(message: string): void {
    this.open(message, 'Dismiss', { duration: 8000, politeness: 'assertive' });
  }

  private open(message: string, action: string | undefined, config: MatSnackBarConfig): void {
    this.snackBar ??= import('@angular/material/snack-bar').then((m) => this.injector.get(m.MatSnackBar));
    void this.pendingTasks.run(async () => {
      (await this.snackBar!).open(message, action, config);
    });
  }
}
