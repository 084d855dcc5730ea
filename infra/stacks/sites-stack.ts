import { Annotations, Aws, CfnOutput, Duration, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  type ErrorResponse,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  ImportSource,
  type IOrigin,
  KeyValueStore,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { aliasStoreData, aliasStoreName, viewerRequestCode } from '../cloudfront/render';
import type { InfraConfig } from '../config';
import { SiteAccessLogs } from '../constructs/site-access-logs';
import type { ResourceNames } from '../names';
import {
  WORKSPACE_CACHE,
  WORKSPACE_HSTS_SECONDS,
  WORKSPACE_PATTERNS,
  WORKSPACE_PERMISSIONS_POLICY,
  type WorkspaceOrigins,
  workspaceCsp,
} from '../workspace-headers';

export interface SitesStackProps extends StackProps {
  config: InfraConfig;
  names: ResourceNames;
}

/** CloudFront's default quota of alternate domain names (CNAMEs) per distribution (adjustable). */
export const CNAME_QUOTA = 100;

/** URL paths the distribution serves from other places than the village pages. */
export const sitePaths = {
  /** Astro's content-hashed assets: cached for a year */
  hashedAssets: '/_astro/*',
  /** processed product photos: key `photos/...` of the photos bucket; names carry a content hash */
  photos: '/photos/*',
} as const;

/**
 * Delivery: one CloudFront distribution in front of the site bucket (each village under `/<slug>/`)
 * and the processed photos, with origin access control, a viewer-request function for directory
 * URLs and village host names, security headers, compression and long caching of hashed assets.
 */
export class SitesStack extends Stack {
  readonly distribution: Distribution;
  /** https://<site domain> (or the distribution's own domain), no trailing slash */
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: SitesStackProps) {
    super(scope, id, props);
    const { config, names } = props;

    const site = Bucket.fromBucketName(this, 'SiteBucket', names.bucket('site'));
    const photos = Bucket.fromBucketName(this, 'PhotosBucket', names.bucket('photos'));

    // village host name → slug, read by the function per request from an alias host (not for the site's
    // own host): no size limit in the function's code. Always present (the function opens it at start).
    const hasAliases = Object.keys(config.villageAliases).length > 0;
    const aliasStore = new KeyValueStore(this, 'VillageAliases', {
      keyValueStoreName: aliasStoreName(names.stackPrefix, config.villageAliases),
      comment: 'Village host names → slug (viewer-request function)',
      ...(hasAliases ? { source: ImportSource.fromInline(aliasStoreData(config.villageAliases)) } : {}),
    });
    const viewerRequest = new CloudFrontFunction(this, 'ViewerRequest', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Directory URLs → index.html; village host names → their canonical path',
      code: FunctionCode.fromInline(viewerRequestCode({ canonicalHost: config.siteDomain ?? '' })),
      keyValueStore: aliasStore,
    });

    // forms on the village pages post to the API (and, from the receipt, straight to S3)
    const formTargets = [
      `https://*.execute-api.${Aws.REGION}.amazonaws.com`,
      `https://${names.bucket('uploads')}.s3.${Aws.REGION}.amazonaws.com`,
    ].join(' ');
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Smart Kampung village sites',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          override: true,
          // no scripts but our own (pages ship none unless a feature needs it); Astro may inline small styles
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            `connect-src 'self' ${formTargets}`,
            `form-action 'self' ${formTargets}`,
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'",
          ].join('; '),
        },
        strictTransportSecurity: {
          override: true,
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
        },
        contentTypeOptions: { override: true },
        referrerPolicy: {
          override: true,
          referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        },
        frameOptions: { override: true, frameOption: HeadersFrameOption.DENY },
      },
    });

    const immutable = new CachePolicy(this, 'Immutable', {
      comment: 'Content-hashed files: a year',
      defaultTtl: Duration.days(365),
      minTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const siteOrigin = S3BucketOrigin.withOriginAccessControl(site);
    const workspace = this.workspaceBehaviours(names, viewerRequest, immutable, siteOrigin);
    const common = {
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
      responseHeadersPolicy: headers,
    };

    const domainNames =
      config.siteDomain && config.certificateArn
        ? [config.siteDomain, ...Object.keys(config.villageAliases)]
        : undefined;
    // S3 behind OAC answers 403 for a missing key (no ListBucket): show the site's 404 page
    const notFound: ErrorResponse[] = [403, 404].map((httpStatus) => ({
      httpStatus,
      responseHttpStatus: 404,
      responsePagePath: '/404.html',
      ttl: Duration.minutes(5),
    }));

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Smart Kampung ${config.regencyCode}`,
      defaultBehavior: {
        ...common,
        origin: siteOrigin,
        // HTML: cached at the edge until the publisher invalidates the village's prefix
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        functionAssociations: [{ function: viewerRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // the workspace app first: its own security headers (CSP) and caching
        ...workspace,
        [sitePaths.hashedAssets]: { ...common, origin: siteOrigin, cachePolicy: immutable },
        [sitePaths.photos]: {
          ...common,
          origin: S3BucketOrigin.withOriginAccessControl(photos),
          cachePolicy: immutable,
        },
      },
      errorResponses: notFound,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      // includes the Jakarta and Singapore edges
      priceClass: PriceClass.PRICE_CLASS_200,
      ...(domainNames && config.certificateArn
        ? {
            domainNames,
            certificate: Certificate.fromCertificateArn(this, 'Certificate', config.certificateArn),
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
    });

    // access logs: standard logging v2 to the logs bucket in this region (legacy logging cannot
    // deliver to buckets in several opt-in regions, Jakarta among them): infra/constructs/site-access-logs.ts
    new SiteAccessLogs(this, 'AccessLogs', {
      distribution: this.distribution,
      bucketName: names.bucket('logs'),
      name: `${names.stackPrefix.toLowerCase()}-site`,
    });

    // CloudFront's default quota is 100 alternate domain names per distribution (adjustable): the site
    // domain and the alias hosts all count (the alias map itself lives in the KeyValueStore, unbounded here)
    if (domainNames && domainNames.length > CNAME_QUOTA) {
      Annotations.of(this.distribution).addWarningV2(
        'smart-kampung:alias-quota',
        `${domainNames.length} alternate domain names (site domain + villageAliases) exceed CloudFront's default quota of ${CNAME_QUOTA} per distribution: request an increase before deploying (docs/deploy.md, "Village host names")`,
      );
    }

    this.siteUrl = `https://${config.siteDomain ?? this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge(
      {
        id: '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
        reason:
          'The data stack grants CloudFront (OAC, this account) read access in the bucket policy itself',
      },
      {
        id: 'AwsSolutions-CFR3',
        reason:
          'Access logs are delivered by CloudFront standard logging v2 (SiteAccessLogs, next to it), which cdk-nag does not see: the legacy Logging property cannot deliver to buckets in opt-in regions such as Jakarta',
      },
      {
        id: 'AwsSolutions-CFR1',
        reason:
          'Village sites are public information for anyone, including Indonesians abroad: no geo restriction',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Static, read-only pages from S3 (no origin to overload); WAF costs more than the whole idle system. Forms go to the API, which is throttled',
      },
    );
    if (!domainNames) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without siteDomain/certificateArn the distribution uses its default *.cloudfront.net certificate, whose TLS policy cannot be set; with a certificate TLSv1.2_2021 is enforced',
      });
    }

    new CfnOutput(this, 'SiteUrl', { value: this.siteUrl });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
  }
  /**
   * `/kerja/*`, the workspace app (issue #15): the same bucket under `kerja/`, with the strict CSP and
   * headers of infra/workspace-headers.ts (the local site server sends the same). Its API, sign-in and
   * uploads origins are this region's (CDK tokens, resolved at deploy): API Gateway, Cognito's managed
   * login and token endpoints, the uploads bucket. Pages revalidate after a minute (a new build shows
   * at once, config.json included); hashed assets are immutable.
   */
  private workspaceBehaviours(
    names: ResourceNames,
    viewerRequest: CloudFrontFunction,
    immutable: CachePolicy,
    origin: IOrigin,
  ): Record<string, BehaviorOptions> {
    const origins: WorkspaceOrigins = {
      api: `https://*.execute-api.${Aws.REGION}.amazonaws.com`,
      auth: [
        `https://*.auth.${Aws.REGION}.amazoncognito.com`,
        // the user-pools API: staff enrol TOTP from the app (decision 0030)
        `https://cognito-idp.${Aws.REGION}.amazonaws.com`,
      ],
      authorize: [`https://*.auth.${Aws.REGION}.amazoncognito.com`],
      uploads: `https://${names.bucket('uploads')}.s3.${Aws.REGION}.amazonaws.com`,
    };
    const policy = (id: string, cacheControl: string) =>
      new ResponseHeadersPolicy(this, id, {
        comment: 'Smart Kampung workspace (/kerja/): strict CSP',
        securityHeadersBehavior: {
          contentSecurityPolicy: { override: true, contentSecurityPolicy: workspaceCsp(origins) },
          strictTransportSecurity: {
            override: true,
            accessControlMaxAge: Duration.seconds(WORKSPACE_HSTS_SECONDS),
            includeSubdomains: true,
          },
          contentTypeOptions: { override: true },
          referrerPolicy: { override: true, referrerPolicy: HeadersReferrerPolicy.NO_REFERRER },
          frameOptions: { override: true, frameOption: HeadersFrameOption.DENY },
        },
        customHeadersBehavior: {
          customHeaders: [
            { header: 'Permissions-Policy', value: WORKSPACE_PERMISSIONS_POLICY, override: true },
            { header: 'Cache-Control', value: cacheControl, override: true },
          ],
        },
      });
    const pages = new CachePolicy(this, 'WorkspacePages', {
      comment: 'Workspace pages and config.json: a minute',
      defaultTtl: Duration.minutes(1),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const common = {
      origin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
    };
    return {
      [WORKSPACE_PATTERNS.assets]: {
        ...common,
        cachePolicy: immutable,
        responseHeadersPolicy: policy('WorkspaceAssetHeaders', WORKSPACE_CACHE.hashed),
      },
      [WORKSPACE_PATTERNS.pages]: {
        ...common,
        cachePolicy: pages,
        responseHeadersPolicy: policy('WorkspaceHeaders', WORKSPACE_CACHE.html),
        // directory URLs → index.html, as for the village pages
        functionAssociations: [{ function: viewerRequest, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
    };
  }
}
