import { classifyGraphFailure, isFailedAnswer, type GraphFailure } from './classify-graph-error';
import type { MetaGraphErrorKind } from './meta-graph-error';

function metaError(status: number, error: Record<string, unknown>, headers: Record<string, string> = {}): GraphFailure {
  return { status, body: { error: { type: 'OAuthException', fbtrace_id: 'AmFGcW_3hwDB7qFbl_QdebZ', ...error } }, headers };
}

const bucHeader = (id: string, type: string, pct: number, regainMin: number) =>
  JSON.stringify({
    [id]: [{ type, call_count: pct, total_cputime: 20, total_time: 20, estimated_time_to_regain_access: regainMin }],
  });

describe(classifyGraphFailure.name, () => {
  const cases: Array<[string, GraphFailure, MetaGraphErrorKind, Record<string, unknown>]> = [
    [
      'token expired (190/463)',
      metaError(400, {
        message: 'Error validating access token: Session has expired on Thursday, 20-Nov-26 14:00:00 PST.',
        code: 190,
        error_subcode: 463,
      }),
      'auth',
      { code: 190, subcode: 463, authReason: 'token_expired', fbtraceId: 'AmFGcW_3hwDB7qFbl_QdebZ' },
    ],
    [
      'password changed (190/460)',
      metaError(400, {
        message: 'Error validating access token: The session has been invalidated because the user changed their password.',
        code: 190,
        error_subcode: 460,
      }),
      'auth',
      { authReason: 'password_changed' },
    ],
    [
      'invalid token without subcode (190)',
      metaError(400, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 }),
      'auth',
      { authReason: 'token_invalid' },
    ],
    [
      'no page role (190/492)',
      metaError(400, { message: 'Error validating access token', code: 190, error_subcode: 492 }),
      'auth',
      { authReason: 'invalid_session' },
    ],
    [
      'checkpointed (190/459)',
      metaError(400, {
        message: 'Error validating access token: You cannot access the app till you log in to www.facebook.com',
        code: 190,
        error_subcode: 459,
      }),
      'auth',
      { authReason: 'checkpoint_required' },
    ],
    ['session invalid (102)', metaError(400, { message: 'API Session', code: 102 }), 'auth', { authReason: 'session_invalid' }],
    [
      'missing permission named (200)',
      metaError(403, { message: '(#200) Requires either ads_management or ads_read permission', code: 200 }),
      'permission',
      { missingPermissions: ['ads_management', 'ads_read'] },
    ],
    [
      'missing permission named in quotes (10)',
      metaError(403, {
        message: "(#10) This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature.",
        code: 10,
      }),
      'permission',
      { missingPermissions: ['pages_read_engagement'] },
    ],
    [
      'generic permission error (200)',
      metaError(403, { message: "(#200) The user hasn't authorized the application to perform this action", code: 200 }),
      'permission',
      { missingPermissions: [] },
    ],
    [
      'ads_management missing (294)',
      metaError(403, { message: '(#294) Managing advertisements requires an access token', code: 294 }),
      'permission',
      { missingPermissions: ['ads_management'] },
    ],
    [
      'leads_retrieval missing',
      metaError(403, { message: '(#200) Requires leads_retrieval permission to manage the object', code: 200 }),
      'permission',
      { missingPermissions: ['leads_retrieval'] },
    ],
    [
      'app rate limit (4) with retry-after',
      metaError(403, { message: '(#4) Application request limit reached', code: 4, is_transient: true }, { 'Retry-After': '120' }),
      'rate_limited',
      { code: 4, retryAfterMs: 120_000 },
    ],
    [
      'user rate limit (17/2446079)',
      metaError(400, { message: '(#17) User request limit reached', code: 17, error_subcode: 2446079, is_transient: true }),
      'rate_limited',
      { retryAfterMs: undefined },
    ],
    [
      'ad account limit (613/1487742) with ad account usage',
      metaError(
        400,
        { message: '(#613) Calls to this api have exceeded the rate limit.', code: 613, error_subcode: 1487742 },
        {
          'x-ad-account-usage': JSON.stringify({ acc_id_util_pct: 100, reset_time_duration: 300, ads_api_access_tier: 'standard_access' }),
        },
      ),
      'rate_limited',
      { subcode: 1487742, retryAfterMs: 300_000 },
    ],
    [
      'BUC ads_management (80004) regain time from header',
      {
        ...metaError(
          400,
          { message: 'There have been too many calls to this ad-account. Wait a bit and try again.', code: 80004, error_subcode: 2446079 },
          {
            'x-business-use-case-usage': bucHeader('66782684', 'ads_management', 100, 7),
          },
        ),
        objectIds: ['66782684'],
      },
      'rate_limited',
      { code: 80004, retryAfterMs: 7 * 60_000 },
    ],
    [
      'BUC leadgen (80005)',
      metaError(
        400,
        { message: 'There have been too many leadgen api calls to this Page.', code: 80005 },
        { 'X-Business-Use-Case-Usage': bucHeader('1001', 'leadgen', 104, 3) },
      ),
      'rate_limited',
      { retryAfterMs: 180_000 },
    ],
    ['pages limit (32)', metaError(400, { message: '(#32) Page request limit reached', code: 32 }), 'rate_limited', {}],
    [
      'temporary service error (2)',
      metaError(500, { message: 'An unexpected error has occurred. Please retry your request later.', code: 2, is_transient: true }),
      'transient',
      { code: 2 },
    ],
    [
      'reduce data (1/99)',
      metaError(500, { message: 'An unknown error occurred', code: 1, error_subcode: 99 }),
      'transient',
      { subcode: 99 },
    ],
    [
      'batch timeout (960)',
      metaError(400, {
        message: 'Request aborted. This could happen if a dependent request failed or the entire request timed out.',
        code: 960,
      }),
      'transient',
      {},
    ],
    ['is_transient on an unknown code', metaError(400, { message: 'Something odd', code: 12345, is_transient: true }), 'transient', {}],
    [
      'invalid parameter keeps the user title and message (100/1487390)',
      metaError(400, {
        message: '(#100) Invalid parameter',
        code: 100,
        error_subcode: 1487390,
        is_transient: false,
        error_user_title: 'Ad set targeting invalid',
        error_user_msg: 'Please choose a radius of at least 15 miles.',
        error_data: '{"blame_field_specs":[["targeting"]]}',
      }),
      'validation',
      {
        userTitle: 'Ad set targeting invalid',
        userMessage: 'Please choose a radius of at least 15 miles.',
        errorData: { blame_field_specs: [['targeting']] },
      },
    ],
    [
      'wrong appsecret_proof (100)',
      metaError(400, { message: 'Invalid appsecret_proof provided in the API argument', type: 'GraphMethodException', code: 100 }),
      'validation',
      { type: 'GraphMethodException' },
    ],
    [
      'unknown field (100)',
      metaError(400, { message: '(#100) Tried accessing nonexisting field (foo) on node type (User)', code: 100 }),
      'validation',
      {},
    ],
    [
      'deprecated version (2635)',
      metaError(400, { message: '(#2635) You are calling a deprecated version of the Ads API.', code: 2635 }),
      'validation',
      {},
    ],
    [
      'policy block (368) is not retried automatically',
      metaError(400, { message: 'It looks like you were misusing this feature', code: 368 }),
      'unknown',
      {},
    ],
    ['plain 503 text', { status: 503, body: 'Service Unavailable' }, 'transient', { httpStatus: 503 }],
    ['200 with "Service Unavailable" body', { status: 200, body: 'Service Unavailable' }, 'transient', {}],
    ['500 with an unknown envelope code', metaError(500, { message: 'boom', code: 999999 }), 'transient', {}],
    ['plain 404 html', { status: 404, body: '<html>not found</html>' }, 'unknown', { httpStatus: 404 }],
    ['HTTP 429', { status: 429, body: '', headers: { 'retry-after': '5' } }, 'rate_limited', { retryAfterMs: 5000 }],
    ['timeout', { timedOut: true }, 'transient', {}],
    [
      'connection refused',
      { networkError: Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }) },
      'transient',
      {},
    ],
  ];

  it.each(cases)('%s → %s', (_name, failure, kind, expected) => {
    const err = classifyGraphFailure(failure);
    expect(err.kind).toBe(kind);
    for (const [key, value] of Object.entries(expected)) {
      expect(err[key as keyof typeof err]).toEqual(value);
    }
  });

  it('never carries a token from Meta’s message', () => {
    const token = 'EAAGm0PX4ZCpsBAKZCZBZAtokenvalue1234567890';
    const err = classifyGraphFailure(metaError(400, { message: `Malformed access token ${token}`, code: 190 }));
    expect(err.message).not.toContain(token);
    expect(err.kind).toBe('auth');
  });

  it('treats only real answers as successes', () => {
    expect(isFailedAnswer(200, { id: '1' })).toBe(false);
    expect(isFailedAnswer(200, { error: { code: 2 } })).toBe(true);
    expect(isFailedAnswer(200, 'Service Unavailable')).toBe(true);
    expect(isFailedAnswer(400, {})).toBe(true);
  });
});
