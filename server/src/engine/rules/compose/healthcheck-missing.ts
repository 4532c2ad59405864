import { isMap, isScalar, isSeq } from 'yaml';
import type { ProductDefinition } from '../../../../../schemas/types';
import { detectProduct } from '../../detect/product';
import { serviceSignals } from '../../detect/signals';
import type { ComposeFile } from '../../parsers/compose/ast';
import { entryOf, mapEntries, resolveNode, scalarText, spanOf } from '../../parsers/compose/nodes';
import { services, type ComposeService } from '../../parsers/compose/services';
import type { Fix } from '../../types';
import { defineRule } from '../rule';
import { insertHealthcheck, knownHealthcheck, writtenEnvironment } from './healthchecks';
import { quoteToken } from '../../quote';

/** What a service's healthcheck is, following `extends:` within the file. */
type HealthcheckState = 'defined' | 'disabled' | 'absent' | 'unknowable';

export default defineRule({
  meta: {
    id: 'compose/healthcheck-missing',
    kinds: ['compose'],
    defaultSeverity: 'error',
    description: '`depends_on` with `condition: service_healthy` on a service that has no healthcheck.',
    fixable: true,
  },
  check(ctx) {
    const file = ctx.document.ast;
    if (file.data === undefined) return;
    const all = services(file);
    const byName = new Map(all.map((service) => [service.name, service]));
    for (const service of all) {
      const dependsOn = entryOf(file, service.value, 'depends_on')?.value;
      if (!isMap(dependsOn)) continue;
      for (const dependency of mapEntries(file, dependsOn)) {
        if (scalarText(entryOf(file, dependency.value, 'condition')?.value) !== 'service_healthy') continue;
        const target = byName.get(dependency.key);
        const span = spanOf(dependency.keyNode);
        if (!target || !span) continue;
        const state = healthcheckState(file, target, byName);
        if (state === 'defined' || state === 'unknowable') continue;
        const image = scalarText(entryOf(file, target.value, 'image')?.value);
        const product = productOf(file, target, image, ctx.products);
        // A product whose image has its own healthcheck: working (no finding) or broken (compose/product says why).
        if (state === 'absent' && product?.compose?.health?.image) continue;
        const hasEnvFile = entryOf(file, target.value, 'env_file') !== undefined;
        const known = knownHealthcheck(image, writtenEnvironment(file, target), hasEnvFile);
        const fixes: Fix[] = [];
        const edit = state === 'absent' && known ? insertHealthcheck(file, ctx.document.text, target, known.test) : undefined;
        if (edit) fixes.push({ title: `Add a ${known!.name} healthcheck to \`${quoteToken(target.name)}\``, isPreferred: true, edits: [edit] });
        const refusal = 'Compose stops with "dependency failed to start: … has no healthcheck configured"';
        let message: string;
        if (state === 'disabled') {
          message = `\`${quoteToken(target.name)}\` disables its healthcheck, so \`condition: service_healthy\` can never be met: ${refusal}.`;
        } else if (known) {
          message = `\`${quoteToken(target.name)}\` has no healthcheck, and the ${known.name} image (\`${quoteToken(image ?? '')}\`) defines none, so \`condition: service_healthy\` can never be met: ${refusal}.`;
        } else {
          const origin = image ? `its image \`${quoteToken(image)}\`` : 'its Dockerfile';
          message = `\`${quoteToken(target.name)}\` has no healthcheck in this file, and \`condition: service_healthy\` needs one: unless ${origin} defines a HEALTHCHECK (not knowable from here), ${refusal}.`;
        }
        const targetSpan = spanOf(target.keyNode);
        ctx.report({
          span,
          message,
          related: targetSpan ? [{ uri: ctx.document.uri, span: targetSpan, message: `\`${quoteToken(target.name)}\` is defined here` }] : [],
          fixes,
        });
      }
    }
  },
});

function healthcheckState(file: ComposeFile, service: ComposeService, byName: ReadonlyMap<string, ComposeService>, depth = 0): HealthcheckState {
  const healthcheck = entryOf(file, service.value, 'healthcheck');
  if (healthcheck) {
    const value = healthcheck.value;
    if (scalarText(entryOf(file, value, 'disable')?.value) === 'true') return 'disabled';
    const test = resolveNode(file, entryOf(file, value, 'test')?.value);
    const first = isSeq(test) ? scalarText(resolveNode(file, test.items[0])) : scalarText(test);
    if (first === 'NONE') return 'disabled';
    return 'defined';
  }
  const extendsValue = entryOf(file, service.value, 'extends')?.value;
  if (!extendsValue || depth > 8) return 'absent';
  if (isMap(extendsValue) && entryOf(file, extendsValue, 'file')) return 'unknowable';
  const baseName = isScalar(extendsValue) ? scalarText(extendsValue) : scalarText(entryOf(file, extendsValue, 'service')?.value);
  const base = baseName === undefined ? undefined : byName.get(baseName);
  return base ? healthcheckState(file, base, byName, depth + 1) : 'unknowable';
}

function productOf(file: ComposeFile, service: ComposeService, image: string | undefined, products: readonly ProductDefinition[]): ProductDefinition | undefined {
  const envKeys = [...writtenEnvironment(file, service).keys()];
  return detectProduct(serviceSignals(envKeys, image), products);
}
