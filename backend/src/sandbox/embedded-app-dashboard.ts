/**
 * What an app owner sets by hand in Meta's App Dashboard (Facebook Login → Valid OAuth Redirect URIs,
 * https://developers.facebook.com/docs/facebook-login/security#strict_mode), done by the product itself for the
 * sandbox it embeds. Against real Meta nothing is registered here and the redirect URIs are the owner's to list.
 * This file imports nothing from the sandbox package, so a real deployment can load it.
 */
export interface EmbeddedAppDashboard {
  /** Adds a redirect URI to the embedded sandbox app's list (a no-op when it is there). */
  allowRedirectUri(uri: string): void;
}

let dashboard: EmbeddedAppDashboard | null = null;

export function setEmbeddedAppDashboard(value: EmbeddedAppDashboard | null): void {
  dashboard = value;
}

/** The embedded sandbox's dashboard, or null when the product talks to real Meta (or to a sandbox of its own). */
export function embeddedAppDashboard(): EmbeddedAppDashboard | null {
  return dashboard;
}
