import { Injectable, Provider } from '@angular/core';

import { ConnectionStatusStore } from '../app/core/meta/connection-status-store';

/** The connection store without its reads: specs of the shell and routes set the status they need by hand. */
@Injectable()
export class QuietConnectionStatusStore extends ConnectionStatusStore {
  override refresh(): void {}
  override startPolling(): void {}
}

export const provideQuietConnectionStatus = (): Provider => ({ provide: ConnectionStatusStore, useClass: QuietConnectionStatusStore });
