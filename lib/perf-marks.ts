/**
 * Performance marks the extension leaves on the page's timeline, so `npm run bench` can time what the
 * engineer sees (not when a test runner happened to poll for it).
 */
export const STAGE_GUIDE_SHOWN = 'support-overlay:stage-guide-shown';
