import { GraphError } from './graph-error';
import { GraphErrors } from './graph-errors';
import { BUC_THROTTLE_CODE, BucType } from './usage-types';

const BUC_MESSAGES: Record<number, string> = {
  80000: 'There have been too many calls from this ad-account. Wait a bit and try again.',
  80001: 'There have been too many calls to this Page account. Wait a bit and try again.',
  80002: 'There have been too many calls to this Instagram account. Wait a bit and try again.',
  80003: 'There have been too many calls for custom audience api from this ad-account. Wait a bit and try again.',
  80004: 'There have been too many calls to this ad-account. Wait a bit and try again.',
  80005: 'There have been too many leadgen api calls to this Page. Wait a bit and try again.',
  80006: 'There have been too many messenger api calls to this Page. Wait a bit and try again.',
  80009: 'There have been too many calls to this Catalog. Wait a bit and try again.',
  80014: 'There have been too many calls to this Catalog batch API. Wait a bit and try again.',
};

export function bucThrottleError(type: BucType): GraphError {
  const code = BUC_THROTTLE_CODE[type];
  const adsFamily = code === 80000 || code === 80003 || code === 80004;
  return new GraphError({
    code,
    subcode: adsFamily ? 2446079 : undefined,
    message: `(#${code}) ${BUC_MESSAGES[code] ?? 'Too many calls. Wait a bit and try again.'}`,
    isTransient: true,
  });
}

/** Builds the error Meta would send for a code, so faults can be injected by number. */
export function errorForCode(code: number, subcode?: number): GraphError {
  if (code === 190) {
    switch (subcode) {
      case 460:
        return GraphErrors.passwordChanged();
      case 458:
        return GraphErrors.appNotAuthorized('the app');
      case 467:
        return GraphErrors.sessionInvalid();
      case 492:
        return GraphErrors.noPageRole();
      case 463:
        return GraphErrors.tokenExpired('an earlier date', 'later');
      default:
        return GraphErrors.cannotParseToken();
    }
  }
  const bucType = (Object.keys(BUC_THROTTLE_CODE) as BucType[]).find((type) => BUC_THROTTLE_CODE[type] === code);
  if (bucType) return bucThrottleError(bucType);
  switch (code) {
    case 1:
      return subcode === 99
        ? new GraphError({
            code: 1,
            subcode: 99,
            status: 500,
            message: "Please reduce the amount of data you're asking for, then retry your request",
          })
        : GraphErrors.unknown();
    case 2:
      return GraphErrors.temporary();
    case 4:
      return GraphErrors.appRateLimited();
    case 10:
      return GraphErrors.applicationPermission();
    case 17:
      return GraphErrors.userRateLimited();
    case 32:
      return GraphErrors.pageRateLimited();
    case 200:
      return GraphErrors.permissionMissing('the requested', 'perform this action');
    case 368:
      return new GraphError({ code: 368, message: 'The action attempted has been deemed abusive or is otherwise disallowed' });
    case 613:
      return GraphErrors.accountRateLimited();
    case 960:
      return new GraphError({ code: 960, message: 'Request was cancelled because it took too long to process', isTransient: true });
    case 2635:
      return GraphErrors.deprecatedAdsVersion('v25.0');
    default:
      return new GraphError({ code, subcode, message: `(#${code}) Injected error` });
  }
}
