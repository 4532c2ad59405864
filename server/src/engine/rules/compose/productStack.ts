import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import type { ProductDefinition } from '../../../../../schemas/types';
import { detectProduct } from '../../detect/product';
import { serviceSignals } from '../../detect/signals';
import type { ComposeFile } from '../../parsers/compose/ast';
import type { ComposeEnvironmentGroup } from '../../parsers/compose/environment';
import { entryOf, scalarText, seqItems, spanOf } from '../../parsers/compose/nodes';
import { envValues } from '../../parsers/compose/projectEnv';
import { services, type ComposeService } from '../../parsers/compose/services';
import { parseVolumeShort, spanInScalar } from '../../parsers/compose/shortSyntax';
import type { Span } from '../../types';
import { resolveSibling } from '../../uri';
import type { RuleContext } from '../rule';
import { checkedGroups } from '../schema/productSettings';

/*
 * A compose file seen as a product stack: which services run which product (by image, by the
 * keys of their `environment:` and `env_file:`), what each container's environment is, and where
 * each service mounts volumes.
 */

export interface StackService {
  readonly service: ComposeService;
  readonly image: string | undefined;
  readonly environment: ComposeEnvironmentGroup | undefined;
  /** Values from the service's `env_file:`s (later files win), as the container gets them. */
  readonly envFileValues: ReadonlyMap<string, string>;
  readonly product: ProductDefinition | undefined;
}

const POSTGRES_IMAGE = /(^|\/)(postgres|postgresql|pgvector|postgis|timescaledb(-ha)?)(:|@|$)/i;
const REDIS_IMAGE = /(^|\/)(redis|redis-stack-server|valkey|keydb)(:|@|$)/i;
/** Images that are never a product service, even in a file whose product is known. */
const INFRASTRUCTURE_IMAGE = /(^|\/)(postgres|postgresql|pgvector|postgis|timescaledb|redis|valkey|keydb|mysql|mariadb|mongo|nginx|traefik|caddy|haproxy|memcached|rabbitmq|nats|minio|elasticsearch)(:|@|$)/i;

export function isPostgresImage(image: string | undefined): boolean {
  return image !== undefined && POSTGRES_IMAGE.test(image);
}

export function isRedisImage(image: string | undefined): boolean {
  return image !== undefined && REDIS_IMAGE.test(image);
}

/** Shared by the services (most of a large file) that have neither settings nor `env_file:`. */
const NO_VALUES: ReadonlyMap<string, string> = new Map();
const NO_KEYS: readonly string[] = [];

/** The variables a service's `env_file:` files set, later files winning; paths with `${…}` are not read. */
function envFilesValues(uri: string, paths: readonly string[], workspace: RuleContext['workspace']): Map<string, string> {
  const values = new Map<string, string>();
  for (const path of paths) {
    if (path.includes('$')) continue;
    for (const [key, value] of envValues(resolveSibling(uri, path), workspace)) values.set(key, value);
  }
  return values;
}

export function stackOf(context: RuleContext<'compose'>): StackService[] {
  const { document, product: fileProduct, products, workspace } = context;
  const file = document.ast;
  // Each service's environment (the project `.env` interpolated, as the settings rules read it) by
  // where its key is, so a service name written twice (a syntax error) still pairs each definition
  // with its own.
  const groups = new Map<number, ComposeEnvironmentGroup>();
  for (const { compose } of checkedGroups(context)) if (compose) groups.set(compose.scopeSpan.start, compose);
  return services(file).map((service) => {
    const image = scalarText(entryOf(file, service.value, 'image')?.value);
    const keyStart = service.keyNode?.range?.[0];
    const environment = service.merged || keyStart === undefined ? undefined : groups.get(keyStart);
    const envFileValues = environment?.envFiles.length ? envFilesValues(document.uri, environment.envFiles, workspace) : NO_VALUES;
    const settings = environment?.settings ?? [];
    const envKeys = settings.length === 0 && envFileValues.size === 0 ? NO_KEYS : [...settings.map((setting) => setting.key), ...envFileValues.keys()];
    const detected = detectProduct(serviceSignals(envKeys, image), products);
    const infrastructure = image !== undefined && INFRASTRUCTURE_IMAGE.test(image);
    const byFile = !detected && fileProduct && !infrastructure && isApplicationService(file, service, envKeys, fileProduct) ? fileProduct : undefined;
    return { service, image, environment, envFileValues, product: infrastructure ? undefined : detected ?? byFile };
  });
}

/** A service of the file's product: it builds an image, or sets some of the product's keys. */
function isApplicationService(file: ComposeFile, service: ComposeService, envKeys: readonly string[], product: ProductDefinition): boolean {
  if (entryOf(file, service.value, 'build')) return true;
  return envKeys.some((key) => product.settings.some((spec) => spec.key === key));
}

/** A setting as the container gets it: `environment:` over `env_file:`; undefined when neither sets it. */
export function containerValue(stack: StackService, key: string): string | undefined {
  const setting = stack.environment?.settings.find((candidate) => candidate.key === key);
  if (setting) return setting.value;
  return stack.envFileValues.get(key);
}

/** One `volumes:` entry of a service, with where its target is written. */
export interface Mount {
  readonly target: string;
  readonly source: string | undefined;
  readonly node: Node;
  readonly targetSpan: Span | undefined;
  /** True for short syntax (`src:/target`), whose target is part of a string. */
  readonly short: boolean;
}

export function mountsOf(file: ComposeFile, text: string, service: ComposeService): Mount[] {
  const mounts: Mount[] = [];
  for (const item of seqItems(file, entryOf(file, service.value, 'volumes')?.value)) {
    const value = item.value;
    const short = scalarText(value);
    if (short !== undefined && isScalar(value) && value.range) {
      const volume = parseVolumeShort(short);
      mounts.push({
        target: volume.target.text,
        source: volume.source?.text,
        node: item.node,
        targetSpan: spanInScalar(text, value as Scalar, volume.target.offset, volume.target.offset + volume.target.text.length),
        short: true,
      });
    } else if (isMap(value)) {
      const target = entryOf(file, value, 'target');
      const targetText = scalarText(target?.value);
      if (targetText === undefined) continue;
      mounts.push({ target: targetText, source: scalarText(entryOf(file, value, 'source')?.value), node: item.node, targetSpan: spanOf(target?.valueNode), short: false });
    }
  }
  return mounts;
}

/** True when a mount covers `path`: mounted there or at a parent directory. */
export function covers(mount: Mount, path: string): boolean {
  const target = normalizePath(mount.target);
  const wanted = normalizePath(path);
  return target === wanted || wanted.startsWith(target === '/' ? '/' : `${target}/`);
}

function normalizePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** True when a service's name or image contains one of the substrings. */
export function matchesService(stack: StackService, substrings: readonly string[]): boolean {
  return substrings.some((part) => stack.service.name.includes(part) || (stack.image ?? '').includes(part));
}

/** The services that depend on `name` with `condition: service_healthy`, with the dependency's key. */
export function healthyDependents(file: ComposeFile, name: string): { service: ComposeService; keySpan: Span }[] {
  const dependents: { service: ComposeService; keySpan: Span }[] = [];
  for (const service of services(file)) {
    const dependsOn = entryOf(file, service.value, 'depends_on')?.value;
    if (!isMap(dependsOn)) continue;
    const dependency = entryOf(file, dependsOn, name);
    const span = spanOf(dependency?.keyNode);
    if (span && scalarText(entryOf(file, dependency!.value, 'condition')?.value) === 'service_healthy') dependents.push({ service, keySpan: span });
  }
  return dependents;
}

/** The healthcheck `test:` node of a service, when it has one. */
export function healthcheckTest(file: ComposeFile, service: ComposeService): Node | undefined {
  const test = entryOf(file, entryOf(file, service.value, 'healthcheck')?.value, 'test');
  return test?.valueNode ?? undefined;
}
