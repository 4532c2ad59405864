import type { ComposePersistentVolume, ComposeSharedSetting, ProductCompose, ProductDefinition } from '../../../../../schemas/types';
import type { ParsedDocumentOf } from '../../document';
import { newSettingText } from '../../parsers/compose/environment';
import { entryOf, spanOf } from '../../parsers/compose/nodes';
import { declaredNames } from '../../parsers/compose/services';
import type { Finding, Fix, Span, TextEdit } from '../../types';
import { defineRule } from '../rule';
import { insertHealthcheck } from './healthchecks';
import {
  containerValue,
  covers,
  healthcheckTest,
  healthyDependents,
  isPostgresImage,
  isRedisImage,
  matchesService,
  mountsOf,
  stackOf,
  type StackService,
} from './productStack';
import { appendListItemEdit, declareEdit } from './serviceEdits';
import { quoteToken } from '../../quote';

type Report = (finding: Finding) => void;

/** What every check of this rule needs about the file and the product. */
interface ProductScope {
  readonly document: ParsedDocumentOf<'compose'>;
  readonly product: ProductDefinition;
  readonly requirements: ProductCompose;
  readonly stack: readonly StackService[];
  /** The services that run this product. */
  readonly own: readonly StackService[];
  readonly report: Report;
}

export default defineRule({
  meta: {
    id: 'compose/product',
    kinds: ['compose'],
    defaultSeverity: 'error',
    description:
      "A compose stack that misses a product guide's requirements: Firefly Desk's pgvector image, persistent volumes, the uploads mount, Flowfile's shared master key, a health probe on a path the product does not serve.",
    fixable: true,
  },
  check(ctx) {
    if (ctx.document.ast.data === undefined) return;
    const stack = stackOf(ctx);
    const byProduct = new Map<ProductDefinition, StackService[]>();
    for (const service of stack) {
      if (!service.product?.compose) continue;
      byProduct.set(service.product, [...(byProduct.get(service.product) ?? []), service]);
    }
    for (const [product, own] of byProduct) {
      const scope: ProductScope = { document: ctx.document, product, requirements: product.compose!, stack, own, report: ctx.report };
      checkDatabaseImage(scope);
      checkPersistentVolumes(scope);
      checkUploads(scope);
      for (const shared of scope.requirements.sharedSettings ?? []) checkSharedSetting(scope, shared);
      checkHealth(scope);
    }
  },
});

function checkDatabaseImage({ document, product, requirements, stack, report }: ProductScope): void {
  const database = requirements.database;
  if (!database) return;
  for (const service of stack) {
    const image = service.image;
    if (!isPostgresImage(image) || image!.includes('$') || database.imageMustInclude.some((part) => image!.includes(part))) continue;
    const imageNode = entryOf(document.ast, service.service.value, 'image')?.valueNode;
    const span = spanOf(imageNode);
    if (!span) continue;
    const major = /:(\d+)/.exec(image!)?.[1];
    const suggested = major ? database.suggestedImage.replace('{major}', major) : undefined;
    report({
      span,
      message: `${product.name} needs pgvector, and \`${quoteToken(image!)}\` does not have it: ${database.reason}.${suggested ? ` Use \`${suggested}\` (the same PostgreSQL ${major}).` : ''}`,
      fixes: suggested ? [{ title: `Use \`${suggested}\``, isPreferred: true, edits: [{ span, newText: suggested }] }] : [],
    });
  }
}

function checkPersistentVolumes({ document, product, requirements, stack, own, report }: ProductScope): void {
  for (const required of requirements.persistentVolumes ?? []) {
    const targets = servicesFor(required, stack, own);
    for (const target of targets) {
      const mounts = mountsOf(document.ast, document.text, target.service);
      if (mounts.some((mount) => covers(mount, required.target))) continue;
      const keySpan = spanOf(target.service.keyNode);
      if (!keySpan) continue;
      report({
        span: keySpan,
        severity: required.severity,
        message: `Service \`${quoteToken(target.service.name)}\` keeps ${required.purpose} in the container (\`${required.target}\`), so it is lost when the container is re-created. The ${product.name} guide mounts the volume \`${required.volume}\` there.`,
        fixes: mountFix(document, target, required.volume, required.target),
      });
    }
  }
}

function servicesFor(required: ComposePersistentVolume, stack: readonly StackService[], own: readonly StackService[]): readonly StackService[] {
  switch (required.role) {
    case 'database':
      return stack.filter((service) => isPostgresImage(service.image));
    case 'redis':
      return stack.filter((service) => isRedisImage(service.image));
    case 'product':
      return required.services ? own.filter((service) => matchesService(service, required.services!)) : own;
  }
}

/** Mounts `volume` at `path` in the service, declaring the volume when the file does not. */
function mountFix(document: ParsedDocumentOf<'compose'>, target: StackService, volume: string, path: string): Fix[] {
  const edits = mountEdits(document, target, volume, path);
  return edits ? [{ title: `Mount the volume \`${volume}\` at \`${quoteToken(path)}\``, isPreferred: true, edits }] : [];
}

function checkUploads({ document, product, requirements, own, report }: ProductScope): void {
  const uploads = requirements.uploads;
  if (!uploads) return;
  for (const service of own) {
    const configured = containerValue(service, uploads.envKey);
    const path = configured ?? uploads.default;
    // A relative path depends on the image's working directory, which the file does not tell.
    if (!path.startsWith('/') || path.includes('$')) continue;
    const mounts = mountsOf(document.ast, document.text, service.service);
    if (mounts.some((mount) => covers(mount, path))) continue;
    const source = configured !== undefined ? uploads.envKey : `the default of ${uploads.envKey}`;
    const uploadMount = mounts.find((mount) => /upload/i.test(mount.target) || /upload/i.test(mount.source ?? ''));
    if (uploadMount?.targetSpan) {
      report({
        span: uploadMount.targetSpan,
        message: `This volume is mounted at \`${quoteToken(uploadMount.target)}\`, but ${product.name} writes uploads to \`${quoteToken(path)}\` (${source}): the files land outside the volume and are lost when the container is re-created.`,
        fixes: [{ title: `Mount it at \`${quoteToken(path)}\``, isPreferred: true, edits: [{ span: uploadMount.targetSpan, newText: path }] }],
      });
      continue;
    }
    const keySpan = spanOf(service.service.keyNode);
    if (!keySpan) continue;
    report({
      span: keySpan,
      message: `${product.name} writes uploads to \`${quoteToken(path)}\` (${source}), but no volume is mounted there: uploaded files are lost when the container is re-created. The guide mounts the volume \`${uploads.volume}\` at that path.`,
      fixes: mountFix(document, service, uploads.volume, path),
    });
  }
}

function mountEdits(document: ParsedDocumentOf<'compose'>, service: StackService, volume: string, path: string): TextEdit[] | undefined {
  const mount = appendListItemEdit(document.ast, document.text, service.service, 'volumes', `${volume}:${path}`);
  if (!mount) return undefined;
  if (declaredNames(document.ast, 'volumes').has(volume)) return [mount];
  const declare = declareEdit(document.ast, document.text, 'volumes', volume);
  return declare ? [mount, declare] : undefined;
}

function checkSharedSetting({ document, product, own, report }: ProductScope, shared: ComposeSharedSetting): void {
  const services = own.filter((service) => matchesService(service, shared.services));
  if (services.length < 2) return;
  const key = shared.key;
  const viaSecret = (service: StackService) =>
    (document.ast.data as { services?: Record<string, { secrets?: unknown }> }).services?.[service.service.name]?.secrets?.toString().toLowerCase().includes(key.toLowerCase()) ?? false;

  const entries = services.map((service) => ({
    service,
    setting: service.environment?.settings.find((candidate) => candidate.key === key),
    value: containerValue(service, key),
    secret: viaSecret(service),
  }));
  // Literal quotes (compose list form) make the values differ by design; schema/invalid-value explains that case.
  const quoted = new Set(entries.filter((entry) => entry.value !== undefined && /^(["']).*\1$/s.test(entry.value)).map((entry) => entry.service));

  const setBy = entries.filter((entry) => entry.value !== undefined || entry.secret);
  if (setBy.length === 0) return;
  const reference = setBy[0]!;
  for (const entry of entries) {
    if (entry === reference || entry.secret || reference.secret || quoted.has(entry.service) || quoted.has(reference.service)) continue;
    const name = entry.service.service.name;
    const other = reference.service.service.name;
    if (entry.value === undefined) {
      const keySpan = spanOf(entry.service.service.keyNode);
      if (!keySpan) continue;
      const written = reference.setting ? document.text.slice(reference.setting.valueSpan.start, reference.setting.valueSpan.end) : undefined;
      // Copy only a `${VAR}` reference: a literal secret is not spread further through the file.
      const insertion = written?.includes('$') && entry.service.environment?.insertion ? newSettingText(entry.service.environment.insertion, key, unquote(written), { raw: true }) : undefined;
      report({
        span: keySpan,
        message: `\`${quoteToken(name)}\` does not set ${key}, which \`${quoteToken(other)}\` sets: ${product.name}'s ${shared.services.join(' and ')} must share one ${key}, because ${shared.reason}.`,
        fixes: insertion
          ? [{ title: `Set ${key} as \`${quoteToken(other)}\` does`, isPreferred: true, edits: [{ span: { start: entry.service.environment!.insertAt, end: entry.service.environment!.insertAt }, newText: insertion }] }]
          : [],
      });
    } else if (reference.value !== undefined && entry.value !== reference.value && entry.setting) {
      report({
        span: entry.setting.valueSpan,
        message: `${key} of \`${quoteToken(name)}\` differs from \`${quoteToken(other)}\`'s: ${product.name}'s ${shared.services.join(' and ')} must share one ${key}, because ${shared.reason}.`,
      });
    }
  }
}

function unquote(written: string): string {
  return /^(["']).*\1$/s.test(written) ? written.slice(1, -1) : written;
}

function checkHealth({ document, product, requirements, own, report }: ProductScope): void {
  const health = requirements.health;
  if (!health) return;
  const file = document.ast;
  for (const service of own) {
    const test = healthcheckTest(file, service.service);
    if (test) {
      for (const probe of probedPaths(document.text, spanOf(test))) {
        if (!health.unserved?.includes(probe.path)) continue;
        report({
          span: probe.span,
          message: `${product.name} does not serve \`${probe.path}\` (its health endpoint is \`${health.served[0]}\`), so this healthcheck never passes and services waiting for \`service_healthy\` never start.`,
          fixes: [{ title: `Probe \`${health.served[0]}\``, isPreferred: true, edits: [{ span: probe.span, newText: health.served[0]! }] }],
        });
      }
      continue;
    }
    if (!health.image || health.image.works || entryOf(file, service.service.value, 'healthcheck')) continue;
    const edit = health.suggestedTest ? insertHealthcheck(file, document.text, service.service, health.suggestedTest) : undefined;
    const fixes: Fix[] = edit ? [{ title: `Add a healthcheck on \`${health.served[0]}\` to \`${quoteToken(service.service.name)}\``, isPreferred: true, edits: [edit] }] : [];
    const why = `${product.name}'s image has a HEALTHCHECK that never passes: ${health.image.source}`;
    const dependents = healthyDependents(file, service.service.name);
    for (const dependent of dependents) {
      report({
        span: dependent.keySpan,
        message: `\`${quoteToken(service.service.name)}\` never becomes healthy, so \`${quoteToken(dependent.service.name)}\` never starts: ${why}. Give \`${quoteToken(service.service.name)}\` a healthcheck on \`${health.served[0]}\`.`,
        fixes,
      });
    }
    const keySpan = spanOf(service.service.keyNode);
    if (dependents.length === 0 && keySpan) {
      report({
        span: keySpan,
        severity: 'warning',
        message: `\`${quoteToken(service.service.name)}\` is always reported unhealthy: ${why}. Give it a healthcheck on \`${health.served[0]}\`.`,
        fixes,
      });
    }
  }
}

/** `http://localhost:8000/health` and the like in a healthcheck's text: each path with its span. */
function probedPaths(text: string, span: Span | undefined): { path: string; span: Span }[] {
  if (!span) return [];
  const found: { path: string; span: Span }[] = [];
  const source = text.slice(span.start, span.end);
  const url = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?(\/[^\s"'`,\]?#]*)?/g;
  for (let match = url.exec(source); match; match = url.exec(source)) {
    const path = match[1] ?? '/';
    const start = span.start + match.index + match[0].length - (match[1]?.length ?? 0);
    found.push({ path, span: { start, end: start + (match[1]?.length ?? 0) } });
  }
  return found;
}
