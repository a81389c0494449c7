import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { API_PREFIX, ROUTES } from '@legeai/contracts';
import { requestOrigin, type OriginRequest } from '../../../common/http/request-origin';
import { appConfig } from '../../../config/app.config';
import { metaConfig } from '../../../config/meta.config';
import { embeddedAppDashboard } from '../../../sandbox/embedded-app-dashboard';

const CALLBACK_PATH = `/${API_PREFIX}/${ROUTES.metaIntegration.base}/${ROUTES.metaIntegration.callback}`;

/**
 * The addresses of the connect round trip. With PUBLIC_URL (or META_REDIRECT_URI) set they are fixed; without, they
 * follow the address the console was opened at, so an admin on `127.0.0.1:3000` or a LAN name comes back to that
 * address, where their refresh cookie lives, instead of landing signed out on `localhost`.
 */
@Injectable()
export class ConnectAddresses {
  constructor(
    @Inject(metaConfig.KEY) private readonly meta: ConfigType<typeof metaConfig>,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  /**
   * The redirect URI for this request. The dialog request and the code exchange must send the same one
   * (https://developers.facebook.com/docs/facebook-login/guides/advanced/manual-flow#exchangecode): both derive it from
   * the request they serve, and Meta's redirect arrives at the address the dialog request named.
   */
  callbackUrl(req: OriginRequest): string {
    return this.meta.redirectUri ?? `${this.origin(req)}${CALLBACK_PATH}`;
  }

  /** Where the console is for this request. */
  consoleOrigin(req: OriginRequest): string {
    return this.app.publicUrlSet ? this.app.publicUrl : this.origin(req);
  }

  /**
   * The dialog URL as the browser should open it. The embedded sandbox's dialog is served on its own port: without
   * PUBLIC_URL it is addressed by the host name the console was opened at, and that address's callback is
   * registered with it, as an app owner lists redirect URIs in the App Dashboard.
   */
  dialogUrl(location: string, req: OriginRequest): string {
    if (!this.meta.dialogHostFollowsRequest) return location;
    const origin = requestOrigin(req);
    if (!origin) return location;
    embeddedAppDashboard()?.allowRedirectUri(this.callbackUrl(req));
    const url = new URL(location);
    url.hostname = new URL(origin).hostname;
    return url.toString();
  }

  private origin(req: OriginRequest): string {
    return requestOrigin(req) ?? this.app.publicUrl;
  }
}
