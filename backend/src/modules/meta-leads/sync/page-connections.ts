/** A Page as connected in one organisation (meta-assets' SQL text, embedded by `LeadSyncTimeline.begin`). */
export { PAGE_CONNECTION_COLUMNS, pageConnectionJoins, type PageConnection } from '../../meta-assets';
