/**
 * The native packages Lambda needs for its own platform (linux, arm64, glibc): sharp's
 * `@img/sharp-linux-arm64` and its libvips. This machine's node_modules hold its own platform's
 * build, which would not load on Graviton, so they are installed apart, in `.lambda-deps/linux-arm64/`,
 * at exactly the versions and integrity hashes of the repository's package-lock.json (a tiny
 * package.json + package-lock.json written there, then `npm ci --os=linux --cpu=arm64 --libc=glibc`).
 *
 * scripts/lambda-deps.ts installs them (cdk.json "build": before every cdk command; `--require` for a
 * deploy); SkFunction (infra/constructs/lambda.ts) checks them with `checkLambdaDeps` and copies them
 * beside the photo processor's bundle. Pure Node, no aws-cdk-lib.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './bundles';

export const lambdaDepsRoot = join(repoRoot, '.lambda-deps', 'linux-arm64');
export const lambdaPlatform = { os: 'linux', cpu: 'arm64', libc: 'glibc' } as const;

interface LockEntry {
  version: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}
export interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}

export interface LockedPackage {
  name: string;
  version: string;
  integrity: string;
  entry: LockEntry;
}

export function readLockfile(root = repoRoot): Lockfile {
  return JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
}

/**
 * `names` and everything they depend on (optional dependencies included: for this platform they are
 * the point), as the lockfile pins them. Throws when one is not in the lockfile or has no integrity.
 */
export function lockedClosure(names: readonly string[], lock: Lockfile): LockedPackage[] {
  const found = new Map<string, LockedPackage>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    const entry = lock.packages[`node_modules/${name}`];
    if (!entry)
      throw new Error(`${name} is not in package-lock.json (npm install it, then commit the lockfile)`);
    if (!entry.integrity) throw new Error(`${name} has no integrity hash in package-lock.json`);
    found.set(name, { name, version: entry.version, integrity: entry.integrity, entry });
    for (const dep of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(dep);
  };
  for (const name of names) visit(name);
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The package.json and package-lock.json of `.lambda-deps/linux-arm64/`: the packages as optional
 * dependencies (npm installs a package of another platform only as an optional one, when `--os`,
 * `--cpu` and `--libc` name that platform), each lock entry the repository's own: version, integrity,
 * platform fields. `npm ci` installs exactly that and checks every tarball against its hash; whether
 * it installed them is checked afterwards (`checkLambdaDeps`), since npm skips an optional package
 * quietly.
 */
export function lambdaDepsManifest(packages: LockedPackage[]) {
  const optionalDependencies = Object.fromEntries(packages.map((p) => [p.name, p.version]));
  const packageJson = { name: 'smart-kampung-lambda-deps', private: true, optionalDependencies };
  const packageLock = {
    name: packageJson.name,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: packageJson.name, optionalDependencies },
      ...Object.fromEntries(
        packages.map(({ name, entry }) => [`node_modules/${name}`, { ...entry, optional: true }]),
      ),
    },
  };
  return { packageJson, packageLock };
}

/**
 * What is wrong with `root`'s installation of `packages` (empty: all there, at the locked version and
 * integrity). Reads each package's package.json and npm's record of what it installed
 * (`node_modules/.package-lock.json`).
 */
export function checkLambdaDeps(packages: LockedPackage[], root = lambdaDepsRoot): string[] {
  const problems: string[] = [];
  const hiddenLock = join(root, 'node_modules', '.package-lock.json');
  const installed = existsSync(hiddenLock)
    ? (JSON.parse(readFileSync(hiddenLock, 'utf8')) as Lockfile).packages
    : {};
  for (const p of packages) {
    const manifest = join(root, 'node_modules', p.name, 'package.json');
    if (!existsSync(manifest)) {
      problems.push(`${p.name} is missing`);
      continue;
    }
    const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
    if (version !== p.version) problems.push(`${p.name} is ${version}, the lockfile says ${p.version}`);
    else if (installed[`node_modules/${p.name}`]?.integrity !== p.integrity)
      problems.push(`${p.name} ${p.version} was not installed with the lockfile's integrity hash`);
  }
  return problems;
}
