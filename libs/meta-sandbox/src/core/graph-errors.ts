import { GraphError } from './graph-error';

/**
 * The errors the sandbox raises, in one place so messages and codes stay consistent with Meta's
 * (https://developers.facebook.com/docs/graph-api/guides/error-handling). Wording Meta does not publish is our best
 * guess; clients must only depend on code and subcode.
 */
export const GraphErrors = {
  invalidParameter: (message: string, subcode?: number) => new GraphError({ code: 100, message: `(#100) ${message}`, subcode }),

  /** Missing object, or one the token may not see: Meta does not tell the two apart. */
  unsupportedRequest: (method: string, id: string) =>
    new GraphError({
      code: 100,
      subcode: 33,
      type: 'GraphMethodException',
      message:
        `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to ` +
        'missing permissions, or does not support this operation. Please read the Graph API documentation at ' +
        'https://developers.facebook.com/docs/graph-api',
    }),

  unknownPath: (path: string) => new GraphError({ code: 2500, message: `Unknown path components: ${path}` }),

  nonexistingField: (field: string, nodeType: string) =>
    new GraphError({ code: 100, message: `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})` }),

  tokenRequired: () => new GraphError({ code: 104, message: 'An access token is required to request this resource.' }),

  activeTokenRequired: () =>
    new GraphError({ code: 2500, message: 'An active access token must be used to query information about the current user.' }),

  cannotParseToken: () => new GraphError({ code: 190, message: 'Invalid OAuth access token - Cannot parse access token' }),

  tokenExpired: (expiredAt: string, now: string) =>
    new GraphError({
      code: 190,
      subcode: 463,
      message: `Error validating access token: Session has expired on ${expiredAt}. The current time is ${now}.`,
    }),

  passwordChanged: () =>
    new GraphError({
      code: 190,
      subcode: 460,
      message:
        'Error validating access token: The session has been invalidated because the user changed their password ' +
        'or Facebook has changed the session for security reasons.',
    }),

  appNotAuthorized: (appId: string) =>
    new GraphError({
      code: 190,
      subcode: 458,
      message: `Error validating access token: The user has not authorized application ${appId}.`,
    }),

  sessionInvalid: () =>
    new GraphError({
      code: 190,
      subcode: 467,
      message: 'Error validating access token: The session is invalid because the user logged out.',
    }),

  noPageRole: () =>
    new GraphError({
      code: 190,
      subcode: 492,
      message: 'Error validating access token: The user must be an administrator, editor, or moderator of the page.',
    }),

  permissionMissing: (permission: string, what = 'access this object') =>
    new GraphError({ code: 200, status: 403, message: `(#200) Requires ${permission} permission to ${what}` }),

  applicationPermission: (message = 'Application does not have permission for this action') =>
    new GraphError({ code: 10, status: 403, message: `(#10) ${message}` }),

  appsecretProofRequired: () =>
    new GraphError({
      code: 100,
      type: 'GraphMethodException',
      message: 'API calls from the server require an appsecret_proof argument',
    }),

  appsecretProofInvalid: () =>
    new GraphError({ code: 100, type: 'GraphMethodException', message: 'Invalid appsecret_proof provided in the API argument' }),

  appsecretTimeExpired: () =>
    new GraphError({
      code: 100,
      type: 'GraphMethodException',
      message: 'Invalid appsecret_time provided in the API argument: the proof is older than 5 minutes',
    }),

  deprecatedAdsVersion: (latest: string) =>
    new GraphError({
      code: 2635,
      message: `(#2635) You are calling a deprecated version of the Ads API. Please update to the latest version: ${latest}.`,
    }),

  appRateLimited: () => new GraphError({ code: 4, message: '(#4) Application request limit reached', isTransient: true }),
  userRateLimited: () => new GraphError({ code: 17, message: '(#17) User request limit reached', isTransient: true }),
  pageRateLimited: () => new GraphError({ code: 32, message: '(#32) Page request limit reached', isTransient: true }),
  accountRateLimited: () =>
    new GraphError({
      code: 613,
      subcode: 1487742,
      message: '(#613) Calls to this api have exceeded the rate limit.',
      isTransient: true,
    }),

  temporary: () =>
    new GraphError({
      code: 2,
      message: 'An unexpected error has occurred. Please retry your request later.',
      isTransient: true,
      status: 500,
    }),
  unknown: () => new GraphError({ code: 1, message: 'An unknown error has occurred.', status: 500 }),
};
