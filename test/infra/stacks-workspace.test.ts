/**
 * The workspace app's delivery (issue #15): `/kerja/*` on the sites distribution, with the strict CSP
 * and security headers of infra/workspace-headers.ts (the local site server sends the same), short
 * caching for pages and a year for the hashed assets.
 */
import { describe, expect, it } from 'vitest';
import { flattenForNag } from '../../infra/nag';
import {
  WORKSPACE_CACHE,
  WORKSPACE_PATTERNS,
  workspaceCsp,
  workspaceHeaders,
} from '../../infra/workspace-headers';
import { type Json, templates, useStacks } from './stacks-world';
import { resourcesOfType } from './support';

useStacks();

type Behavior = {
  PathPattern: string;
  ResponseHeadersPolicyId: { Ref: string };
  CachePolicyId: unknown;
} & Json;

function behaviours() {
  const [[, distribution] = ['', {}]] = resourcesOfType(templates.sites, 'AWS::CloudFront::Distribution');
  return ((distribution.DistributionConfig as Json).CacheBehaviors ?? []) as Behavior[];
}
function policyOf(b: Behavior | undefined): Json {
  const policy = resourcesOfType(templates.sites, 'AWS::CloudFront::ResponseHeadersPolicy').find(
    ([id]) => id === b?.ResponseHeadersPolicyId.Ref,
  );
  expect(policy, b?.PathPattern).toBeDefined();
  return (policy?.[1].ResponseHeadersPolicyConfig ?? {}) as Json;
}

describe('the workspace on the sites distribution', () => {
  it('has /kerja/_astro/* and /kerja/* behaviours, the assets first (CloudFront takes the first match)', () => {
    const patterns = behaviours().map((b) => b.PathPattern);
    expect(patterns).toContain(WORKSPACE_PATTERNS.assets);
    expect(patterns).toContain(WORKSPACE_PATTERNS.pages);
    expect(patterns.indexOf(WORKSPACE_PATTERNS.assets)).toBeLessThan(
      patterns.indexOf(WORKSPACE_PATTERNS.pages),
    );
    const pages = behaviours().find((b) => b.PathPattern === WORKSPACE_PATTERNS.pages);
    expect(pages).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      Compress: true,
      FunctionAssociations: [expect.objectContaining({ EventType: 'viewer-request' })],
    });
  });

  it('sends the strict CSP, HSTS, nosniff, no-referrer, a Permissions-Policy and the cache lifetimes', () => {
    for (const [pattern, cache] of [
      [WORKSPACE_PATTERNS.pages, WORKSPACE_CACHE.html],
      [WORKSPACE_PATTERNS.assets, WORKSPACE_CACHE.hashed],
    ] as const) {
      const config = policyOf(behaviours().find((b) => b.PathPattern === pattern));
      const security = config.SecurityHeadersConfig as Json;
      const csp = flattenForNag((security.ContentSecurityPolicy as Json).ContentSecurityPolicy);
      expect(csp).toContain("default-src 'self'; script-src 'self'; style-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      expect(csp).toMatch(
        /img-src 'self' data: blob: https:\/\/smart-kampung-3510-uploads-[^ ]+\.s3\.<AWS::Region>\.amazonaws\.com/,
      );
      expect(csp).toMatch(/frame-src 'self' https:\/\/smart-kampung-3510-uploads-/);
      expect(csp).toContain(
        "connect-src 'self' https://*.execute-api.<AWS::Region>.amazonaws.com https://*.auth.<AWS::Region>.amazoncognito.com https://cognito-idp.<AWS::Region>.amazonaws.com;",
      );
      expect(csp).toContain("form-action 'self' https://*.auth.<AWS::Region>.amazoncognito.com");
      expect(security).toMatchObject({
        StrictTransportSecurity: expect.objectContaining({ Override: true, IncludeSubdomains: true }),
        ContentTypeOptions: { Override: true },
        ReferrerPolicy: { Override: true, ReferrerPolicy: 'no-referrer' },
        FrameOptions: { Override: true, FrameOption: 'DENY' },
      });
      const custom = ((config.CustomHeadersConfig as Json).Items ?? []) as {
        Header: string;
        Value: string;
      }[];
      expect(custom.find((h) => h.Header === 'Cache-Control')?.Value).toBe(cache);
      expect(custom.find((h) => h.Header === 'Permissions-Policy')?.Value).toContain('camera=(self)');
    }
  });

  it('the local site server sends the same policy, with the local origins', () => {
    const local = { api: 'http://localhost:3000', auth: ['http://localhost:3000'] };
    expect(workspaceHeaders(local, false)['content-security-policy']).toBe(workspaceCsp(local));
    expect(workspaceCsp(local)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-src 'self'; " +
        "connect-src 'self' http://localhost:3000; form-action 'self' http://localhost:3000; " +
        "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    );
    expect(workspaceHeaders(local, true)['cache-control']).toBe(WORKSPACE_CACHE.hashed);
  });
});
