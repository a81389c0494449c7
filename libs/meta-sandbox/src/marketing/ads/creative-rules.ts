/**
 * Call-to-action buttons (https://developers.facebook.com/docs/marketing-api/reference/ad-creative-link-data-call-to-action/):
 * every type Meta's SDK lists is known; an instant form opens from the ones Ads Manager offers for lead ads.
 */
export const CALL_TO_ACTION_TYPES = [
  'ADD_TO_CART',
  'APPLY_NOW',
  'ASK_ABOUT_SERVICES',
  'ASK_A_QUESTION',
  'ASK_FOR_MORE_INFO',
  'ASK_US',
  'AUDIO_CALL',
  'BOOK_A_CONSULTATION',
  'BOOK_NOW',
  'BOOK_TRAVEL',
  'BROWSE_SHOP',
  'BUY',
  'BUY_NOW',
  'BUY_TICKETS',
  'BUY_VIA_MESSAGE',
  'CALL',
  'CALL_ME',
  'CALL_NOW',
  'CHAT_NOW',
  'CHAT_WITH_US',
  'CONFIRM',
  'CONTACT',
  'CONTACT_US',
  'DONATE',
  'DONATE_NOW',
  'DOWNLOAD',
  'EVENT_RSVP',
  'FIND_A_GROUP',
  'FIND_OUT_MORE',
  'FIND_YOUR_GROUPS',
  'FOLLOW_NEWS_STORYLINE',
  'FOLLOW_PAGE',
  'FOLLOW_USER',
  'GET_A_QUOTE',
  'GET_DETAILS',
  'GET_DIRECTIONS',
  'GET_IN_TOUCH',
  'GET_OFFER',
  'GET_OFFER_VIEW',
  'GET_PROMOTIONS',
  'GET_QUOTE',
  'GET_SHOWTIMES',
  'GET_STARTED',
  'INQUIRE_NOW',
  'INSTALL_APP',
  'INSTALL_MOBILE_APP',
  'JOIN_CHANNEL',
  'JOIN_LIVE_VIDEO',
  'LEARN_MORE',
  'LIKE_PAGE',
  'LISTEN_MUSIC',
  'LISTEN_NOW',
  'MAKE_AN_APPOINTMENT',
  'MESSAGE_PAGE',
  'MOBILE_DOWNLOAD',
  'NO_BUTTON',
  'OPEN_INSTANT_APP',
  'OPEN_LINK',
  'ORDER_NOW',
  'PAY_TO_ACCESS',
  'PLAY_GAME',
  'PLAY_GAME_ON_FACEBOOK',
  'PURCHASE_GIFT_CARDS',
  'RAISE_MONEY',
  'RECORD_NOW',
  'REFER_FRIENDS',
  'REQUEST_TIME',
  'SAY_THANKS',
  'SEE_MORE',
  'SEE_SHOP',
  'SELL_NOW',
  'SEND_A_GIFT',
  'SEND_GIFT_MONEY',
  'SEND_UPDATES',
  'SHARE',
  'SHOP_NOW',
  'SIGN_UP',
  'SOTTO_SUBSCRIBE',
  'START_A_CHAT',
  'START_ORDER',
  'SUBSCRIBE',
  'TRY_DEMO',
  'UPDATE_APP',
  'USE_APP',
  'USE_MOBILE_APP',
  'VIEW_PRODUCT',
  'VISIT_PAGES_FEED',
  'VISIT_WEBSITE',
  'WATCH_MORE',
  'WATCH_VIDEO',
  'WHATSAPP_MESSAGE',
] as const;

/** The buttons that can open an instant form. */
export const LEAD_FORM_CALL_TO_ACTIONS = [
  'APPLY_NOW',
  'BOOK_NOW',
  'BOOK_A_CONSULTATION',
  'CONTACT_US',
  'DOWNLOAD',
  'GET_A_QUOTE',
  'GET_OFFER',
  'GET_QUOTE',
  'GET_STARTED',
  'INQUIRE_NOW',
  'LEARN_MORE',
  'SIGN_UP',
  'SUBSCRIBE',
];

/** What a button says on the preview. */
export const callToActionLabel = (type: string | undefined): string =>
  type === undefined || type === 'NO_BUTTON'
    ? ''
    : type
        .toLowerCase()
        .split('_')
        .map((word, i) => (i === 0 ? word[0].toUpperCase() + word.slice(1) : word))
        .join(' ');

/**
 * The sandbox's review rule, deterministic so tests and demos can trigger a refusal: financial-product ads may not
 * promise outcomes (Meta's policy on unrealistic outcomes), so a headline, primary text or description containing
 * "guaranteed" is DISAPPROVED. Anything else is approved.
 */
const FORBIDDEN_PROMISE = /\bguarantee(d|s)?\b/i;

export function reviewOf(texts: (string | undefined)[]): { policy: string; message: string } | undefined {
  const offending = texts.find((text) => text !== undefined && FORBIDDEN_PROMISE.test(text));
  if (offending === undefined) return undefined;
  return {
    policy: 'Unrealistic Outcomes',
    message: 'Ads may not promise guaranteed prices, approval or results for financial products, including insurance.',
  };
}
