/**
 * The AWS event that starts a village's publish: put by handlers/dispatch.ts, matched by the publish
 * stack's rule. Pure data (no imports), so the CDK app can read it without loading the table module.
 */
export const siteOutOfDate = {
  source: 'smart-kampung',
  detailType: 'site.outOfDate',
} as const;
