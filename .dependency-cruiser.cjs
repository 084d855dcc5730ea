/**
 * The import rules of docs/architecture.md, checked by `npm run lint:deps` (inside `npm test`):
 *
 *   depcruise functions infra scripts bench site test --config .dependency-cruiser.cjs
 *
 * TypeScript 7's compiler has no API dependency-cruiser can use, so sources are parsed with swc
 * (`@swc/core`, a devDependency; .ts and .tsx, type-only imports included). Everything is local: no
 * network. Astro components (site/src/**\/*.astro) cannot be parsed here; test/unit/repo/site-imports
 * checks their imports instead.
 */

/**
 * The features of functions/, lowest first: a feature imports functions/lib/, the route table
 * (functions/routes/) and the features of LOWER lines only — never one on its own line or above. The
 * one exception: any feature may import another's entities (`<feature>/entities.ts`, the declarations
 * of its items, which import lib/ and their own feature's domain only): products read and write their
 * seller (`sellers/entities.ts`) while sellers relist their products (`products/store.ts`). A new
 * feature folder gets a line here and in docs/architecture.md (the `feature-unplaced` rule says so).
 */
const FEATURE_ORDER = [
  ['calendar', 'auth', 'publish'],
  ['villages'],
  ['catalogue', 'products'],
  ['requests', 'sellers', 'onboarding', 'accounts'],
  ['sites', 'open311'],
  ['openapi'],
];
const FEATURES = FEATURE_ORDER.flat();
const any = (names) => `(${names.join('|')})`;

/** One rule per feature: what it must not import (its own line and every line above it). */
const featureOrder = FEATURE_ORDER.flatMap((line, i) =>
  line.map((feature) => {
    const notBelow = FEATURE_ORDER.slice(i)
      .flat()
      .filter((other) => other !== feature);
    return {
      name: `feature-order-${feature}`,
      comment: `${feature} imports lib/ and the features below its line of FEATURE_ORDER only (docs/architecture.md)`,
      severity: 'error',
      from: { path: `^functions/${feature}/` },
      to: { path: `^functions/${any(notBelow)}/`, pathNot: '^functions/[^/]+/entities\\.ts$' },
    };
  }),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no module reaches itself through its imports (type-only imports count)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'routes-are-data',
      comment:
        'the route table (functions/routes/) is pure data: every bundle carries it, so it imports nothing outside itself',
      severity: 'error',
      from: { path: '^functions/routes/' },
      to: { path: '^(functions/(?!routes/)|infra/|site/|scripts/|bench/|test/)' },
    },
    {
      name: 'lib-imports-no-feature',
      comment:
        'functions/lib/ is what features share: it imports no feature (the route table is data, not a feature)',
      severity: 'error',
      from: { path: '^functions/lib/' },
      to: { path: '^functions/(?!lib/|routes/)[^/]+/' },
    },
    ...featureOrder,
    {
      name: 'feature-unplaced',
      comment: 'every feature folder of functions/ has its line in FEATURE_ORDER (and docs/architecture.md)',
      severity: 'error',
      from: { path: `^functions/(?!${any(['lib', 'routes', ...FEATURES])}/)[^/]+/` },
      to: { path: '^functions/(?!lib/|routes/)[^/]+/' },
    },
    {
      name: 'feature-unplaced-target',
      comment: 'every feature folder of functions/ has its line in FEATURE_ORDER (and docs/architecture.md)',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: `^functions/(?!${any(['lib', 'routes', ...FEATURES])}/)[^/]+/` },
    },
    {
      name: 'functions-stand-alone',
      comment:
        'what runs on Lambda imports nothing of the CDK app, the local runtime, the site, scripts, benchmarks or tests',
      severity: 'error',
      from: { path: '^functions/' },
      to: { path: '^(infra|site|scripts|bench|test)/' },
    },
    {
      name: 'deployed-infra-not-local',
      comment:
        'the CDK app does not depend on the local runtime (infra/local/ may use the app\u2019s designs, not the other way)',
      severity: 'error',
      from: { path: '^infra/(?!local/)' },
      to: { path: '^infra/local/' },
    },
    {
      name: 'infra-not-to-tools',
      comment: 'infra/ imports no scripts, benchmarks or tests',
      severity: 'error',
      from: { path: '^infra/' },
      to: { path: '^(scripts|bench|test)/' },
    },
    {
      name: 'site-reads-the-snapshot-only',
      comment:
        'the Astro site reaches functions/ only through the snapshot contract (functions/sites/snapshot.ts)',
      severity: 'error',
      from: { path: '^site/', pathNot: '^site/kerja/' },
      to: { path: '^functions/', pathNot: '^functions/sites/snapshot\\.ts$' },
    },
    {
      name: 'workspace-reads-the-labels-only',
      comment:
        'the workspace app (site/kerja/) runs in the browser: of functions/ it imports the request statuses and their labels (a pure module) only; it talks to the API over HTTP',
      severity: 'error',
      from: { path: '^site/kerja/' },
      to: { path: '^functions/', pathNot: '^functions/requests/domain/transitions\\.ts$' },
    },
    {
      name: 'workspace-and-village-sites-apart',
      comment:
        'the village sites ship no JavaScript: they import nothing of the workspace app, and the app nothing of them (the shared build lock aside)',
      severity: 'error',
      from: { path: '^site/(?!kerja/)' },
      to: { path: '^site/kerja/' },
    },
    {
      name: 'workspace-stands-apart-from-the-sites',
      comment:
        'the workspace app imports nothing of the village sites (the shared build lock and the config.json type aside)',
      severity: 'error',
      from: { path: '^site/kerja/' },
      to: { path: '^site/(?!kerja/|build-lock\\.ts$|workspace-config\\.ts$)' },
    },
    {
      name: 'site-stands-alone',
      comment: 'the site imports nothing of infra/, scripts, benchmarks or tests',
      severity: 'error',
      from: { path: '^site/' },
      to: { path: '^(infra|scripts|bench|test)/' },
    },
    {
      name: 'lambda-code-uses-dependencies',
      comment:
        'what runs on Lambda imports run-time packages (dependencies), not devDependencies (types aside)',
      severity: 'error',
      from: { path: '^functions/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-orphans',
      comment:
        'a module nothing imports and that imports nothing is dead code (entry points that only tools load aside)',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '\\.d\\.ts$',
          // loaded by path, not imported: Astro's configuration, the logger site/build.ts hands Astro,
          // npm test's Node check
          '^site/(kerja/)?astro\\.config\\.mjs$',
          '^site/progress-logger\\.mjs$',
          '^scripts/check-node\\.mjs$',
        ],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      comment: 'every import resolves (a typo, a missing package)',
      severity: 'error',
      from: {},
      // `cloudfront`: the CloudFront Functions runtime's own module (infra/cloudfront/viewer-request.js);
      // `astro:content`: Astro's virtual module of content collections
      to: { couldNotResolve: true, pathNot: '^(cloudfront|astro:content)$' },
    },
  ],
  options: {
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: '(^|/)(dist|\\.astro|cdk\\.out|\\.local)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      // `types` too: type-only packages (@types/aws-lambda) resolve, and packages' typed entry points
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
