import { Annotations, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import {
  LogLevel,
  NodejsFunction,
  type NodejsFunctionProps,
  OutputFormat,
} from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { Access } from '../../functions/routes';
import { bindingsFor, type ResourceBinding } from '../access';
import { type AccessKey, buildOptions, type FunctionSpec, handlerEntry, repoRoot } from '../bundles';
import { checkLambdaDeps, lambdaDepsRoot, lockedClosure, readLockfile } from '../lambda-deps';
import { acknowledgeWildcards } from '../nag';

export interface SkFunctionProps
  extends Omit<
    NodejsFunctionProps,
    'entry' | 'handler' | 'runtime' | 'architecture' | 'bundling' | 'code' | 'logGroup' | 'role' | 'timeout'
  > {
  /** module under functions/ that exports `handler`, e.g. `villages/handlers/get` */
  readonly module: string;
  /**
   * @default Duration.seconds(10) — API Gateway gives up at 30 s; a handler that needs more than a few
   * seconds is doing work that belongs in a queue
   */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** @default RetentionDays.ONE_MONTH — enough to debug, short enough that logs are not an archive of personal data */
  readonly logRetention?: RetentionDays;
  /**
   * Packages left out of the bundle and copied from node_modules into it instead (native code
   * esbuild cannot bundle, e.g. sharp with its linux-arm64 build).
   * @default []
   */
  readonly nodeModules?: string[];
}

/**
 * Inline stand-in for a handler module that does not exist yet: the route answers 501.
 * CommonJS on purpose: inline code is stored as `index.js` without a package.json.
 */
const notImplemented = `exports.handler = async () => ({
  statusCode: 501,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify({ error: { code: 'not_implemented', message: 'Belum tersedia / not implemented yet' } }),
});`;

/**
 * Every Lambda of Smart Kampung: Node 24 on arm64 (Graviton: ~20 % cheaper per GB-second), ESM,
 * minified, no source maps (logs carry error names, never stacks), the AWS SDK bundled, its own
 * log group with a retention, its own role that can write only to that log group. Access to data is added with `bind`, which sets the environment
 * variable and the grant together so a function gets exactly what it uses.
 */
export class SkFunction extends NodejsFunction {
  /** false while the handler module does not exist and a 501 stand-in is deployed instead */
  readonly implemented: boolean;

  constructor(scope: Construct, id: string, props: SkFunctionProps) {
    const { module, logRetention, nodeModules = [], timeout, memorySize, environment, ...rest } = props;
    const { entry, exists } = handlerEntry(module);
    const native = exists && nodeModules.length > 0 ? nativeModules(scope, nodeModules) : undefined;
    // created beside the function (not inside it): they are needed before `super()` returns
    const logGroup = new LogGroup(scope, `${id}Logs`, {
      retention: logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // an own role instead of AWSLambdaBasicExecutionRole: logs to this log group only, nothing else
    const role = new Role(scope, `${id}Role`, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    super(scope, id, {
      ...rest,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      timeout: timeout ?? Duration.seconds(10),
      memorySize: memorySize ?? 512,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      role,
      ...(environment ? { environment } : {}),
      ...(exists
        ? {
            entry,
            handler: 'handler',
            projectRoot: repoRoot,
            depsLockFilePath: `${repoRoot}/package-lock.json`,
            bundling: {
              format: OutputFormat.ESM,
              // warnings and errors only: not a size table per function on every synth
              logLevel: LogLevel.WARNING,
              target: buildOptions.target,
              minify: buildOptions.minify,
              sourceMap: buildOptions.sourcemap,
              sourcesContent: buildOptions.sourcesContent,
              mainFields: [...buildOptions.mainFields],
              banner: buildOptions.banner.js,
              esbuildArgs: {
                '--alias': Object.entries(buildOptions.alias).map(([from, to]) => `${from}=${to}`),
              },
              bundleAwsSDK: true,
              externalModules: [...buildOptions.external, ...nodeModules],
              ...(native ? { commandHooks: native.commandHooks } : {}),
            },
          }
        : { code: Code.fromInline(notImplemented), handler: 'index.handler' }),
    });
    this.implemented = exists;
    if (native && native.problems.length > 0) {
      const message = `no linux-arm64 build of ${nodeModules.join(', ')} for this function (${native.problems.join('; ')}): it would fail at its first invocation. Run \`npx tsx scripts/lambda-deps.ts\` with access to the npm registry.`;
      const required = String(scope.node.tryGetContext(requireLambdaDepsContext)) === 'true';
      if (required) Annotations.of(this).addError(message);
      else Annotations.of(this).addWarningV2('smart-kampung:lambda-deps-missing', message);
    }
    if (!exists) {
      Annotations.of(this).addWarningV2(
        'smart-kampung:handler-missing',
        `functions/${module}.ts does not exist yet: deploying a stand-in that answers 501`,
      );
    }
  }

  /**
   * s3:ListBucket on a bucket, for a function that asks whether an object exists there (its spec's
   * `probes`): S3 then answers a missing key with 404 rather than 403.
   */
  bindListing(binding: ResourceBinding): this {
    if (!binding.listing) throw new Error(`${binding.envVar} is not a bucket: nothing to list`);
    this.addToRolePolicy(binding.listing());
    return this;
  }

  /** Environment variable and IAM grant for one resource, in one call. */
  bind(binding: ResourceBinding, access: Access, keys?: readonly string[]): this {
    this.addEnvironment(binding.envVar, binding.value);
    const statements = binding.statements(access, keys);
    for (const statement of statements) this.addToRolePolicy(statement);
    // object ARNs are `arn:...:bucket/*` by nature; the grant is still confined to one bucket of ours
    acknowledgeWildcards(
      this.role ?? this,
      statements.flatMap((statement) => statement.resources),
      `Objects of one bucket of ours (${binding.envVar}); actions limited to what '${access}' access needs`,
    );
    return this;
  }
}

/**
 * A function of `functionSpecs()` (infra/bundles.ts): its module, sizing and native modules, and
 * exactly the grants it declares (access and probes) — from the bindings the calling stack holds.
 */
export function specFunction(
  scope: Construct,
  spec: FunctionSpec,
  props: { description: string; environment: Record<string, string> },
  bindings: Partial<Record<AccessKey, ResourceBinding>>,
): SkFunction {
  const fn = new SkFunction(scope, spec.id, {
    module: spec.handler,
    description: props.description,
    timeout: Duration.seconds(spec.timeoutSeconds),
    memorySize: spec.memoryMb,
    nodeModules: spec.nodeModules,
    environment: props.environment,
  });
  for (const [key, binding, access] of bindingsFor(spec.access, bindings))
    fn.bind(
      binding,
      access,
      key === 'uploads' || key === 'photos' || key === 'letters'
        ? spec.keys[key]
        : key === 'table'
          ? spec.partitions
          : undefined,
    );
  if (spec.counts) {
    const table = bindings.table;
    if (!table?.counting) throw new Error(`${spec.id} counts calls, but this stack binds no table`);
    fn.addToRolePolicy(table.counting());
  }
  for (const bucket of spec.probes) {
    const binding = bindings[bucket];
    if (!binding) throw new Error(`${spec.id} probes ${bucket}, which this stack does not bind`);
    fn.bindListing(binding);
  }
  return fn;
}

/** `-c requireLambdaDeps=true` (what `npm run deploy` passes): a missing linux-arm64 build is an error. */
export const requireLambdaDepsContext = 'requireLambdaDeps';
/** Where the linux-arm64 packages are installed (tests point it elsewhere); default `.lambda-deps/linux-arm64`. */
export const lambdaDepsDirContext = 'lambdaDepsDir';

/**
 * The packages a function ships beside its bundle, Lambda's linux-arm64 build of them at the
 * lockfile's versions (infra/lambda-deps.ts), copied in after bundling (no network). When they are
 * not installed nothing is copied (this machine's build would not load on Graviton either): `problems`
 * says what is wrong, for SkFunction to warn about (synth) or refuse (deploy).
 */
function nativeModules(scope: Construct, names: string[]) {
  const root = String(scope.node.tryGetContext(lambdaDepsDirContext) ?? lambdaDepsRoot);
  const packages = lockedClosure(names, readLockfile());
  const problems = checkLambdaDeps(packages, root);
  const copied = problems.length > 0 ? [] : packages.map((p) => p.name);
  return {
    problems,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir: string, outputDir: string) =>
        copied.map(
          (name) =>
            `mkdir -p "${outputDir}/node_modules/${name}" && cp -R "${root}/node_modules/${name}/." "${outputDir}/node_modules/${name}/"`,
        ),
    },
  };
}
