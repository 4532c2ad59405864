import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ComposeFile } from '../../parsers/compose/ast';
import { entryOf, mapEntries, scalarText, seqItems, spanOf } from '../../parsers/compose/nodes';
import { services } from '../../parsers/compose/services';
import { parseVolumeShort, spanInScalar } from '../../parsers/compose/shortSyntax';
import type { Fix, Span } from '../../types';
import { defineRule } from '../rule';
import { closestName } from './closest';
import { declarationsOf, type Section } from './declarations';
import { declareEdit } from './serviceEdits';
import { quoteToken } from '../../quote';

/** A name one service uses from a top-level section. */
interface Reference {
  readonly section: Section;
  readonly name: string;
  readonly span: Span;
  /** How the service uses it, as a sentence start: "Service `web` depends on". */
  readonly usage: string;
}

const SECTION_TEXT: Record<Section, string> = {
  services: 'defined under `services:`',
  volumes: 'declared under the top-level `volumes:`',
  networks: 'declared under the top-level `networks:`',
  secrets: 'declared under the top-level `secrets:`',
  configs: 'declared under the top-level `configs:`',
};

export default defineRule({
  meta: {
    id: 'compose/undefined-reference',
    kinds: ['compose'],
    defaultSeverity: 'error',
    description: '`depends_on`, `volumes`, `networks`, `secrets`, `configs`, `extends` (and `links`, `volumes_from`, `network_mode`) naming something the project does not declare.',
    fixable: true,
  },
  check(ctx) {
    const file = ctx.document.ast;
    if (file.data === undefined) return;
    const declarations = declarationsOf(file, ctx.document.uri, ctx.workspace);
    if (!declarations.complete) return;
    const seen = new Set<string>();
    for (const reference of referencesOf(file, ctx.document.text)) {
      if (declarations.names[reference.section].has(reference.name)) continue;
      const id = `${reference.span.start}:${reference.name}`;
      if (seen.has(id)) continue; // One anchor merged into several services.
      seen.add(id);
      const suggestion = closestName(reference.name, declarations.names[reference.section]);
      const fixes: Fix[] = [];
      if (suggestion) fixes.push({ title: `Change to \`${quoteToken(suggestion)}\``, edits: [{ span: reference.span, newText: suggestion }] });
      const declare = reference.section === 'volumes' || reference.section === 'networks' ? declareEdit(file, ctx.document.text, reference.section, reference.name) : undefined;
      if (declare) fixes.push({ title: `Declare \`${quoteToken(reference.name)}\` under top-level \`${reference.section}:\``, edits: [declare] });
      const hint =
        reference.section === 'volumes'
          ? ` Declare it, or write a path (\`./${quoteToken(reference.name)}\`) for a bind mount.`
          : reference.section === 'services' && reference.usage.includes('extends')
            ? ' If it is in another file, add `file:`.'
            : '';
      // With no top-level section at all, the project may keep it in an override file we cannot see.
      const sectionAbsent = reference.section !== 'services' && !declarations.sectionsPresent.has(reference.section);
      const absentNote = sectionAbsent
        ? ` No file of this project has a top-level \`${reference.section}:\`; unless an override file declares it (\`compose.override.yaml\`, which Compose loads with this one, or a file passed with \`-f\`), Compose refuses the project.`
        : '';
      ctx.report({
        span: reference.span,
        message: `${reference.usage} \`${quoteToken(reference.name)}\`, which is not ${SECTION_TEXT[reference.section]}.${suggestion ? ` Did you mean \`${quoteToken(suggestion)}\`?` : hint}${absentNote}`,
        ...(sectionAbsent ? { severity: 'warning' as const } : {}),
        fixes,
      });
    }
  },
});

function referencesOf(file: ComposeFile, text: string): Reference[] {
  const references: Reference[] = [];
  for (const service of services(file)) {
    const push = (section: Section, name: string | undefined, span: Span | undefined, usage: string) => {
      if (name === undefined || span === undefined || name === '' || name.includes('$')) return;
      references.push({ section, name, span, usage: `Service \`${quoteToken(service.name)}\` ${usage}` });
    };
    const entries = mapEntries(file, service.value);
    const get = (key: string) => entries.find((entry) => entry.key === key);

    const dependsOn = get('depends_on')?.value;
    if (isSeq(dependsOn)) for (const item of seqItems(file, dependsOn)) push('services', scalarText(item.value), spanOf(item.node), 'depends on');
    if (isMap(dependsOn)) {
      for (const entry of mapEntries(file, dependsOn)) {
        const required = scalarText(entryOf(file, entry.value, 'required')?.value);
        if (required === 'false') continue; // Compose skips an optional dependency it cannot find.
        push('services', entry.key, spanOf(entry.keyNode), 'depends on');
      }
    }
    for (const item of seqItems(file, get('links')?.value)) {
      const value = scalarText(item.value);
      if (value !== undefined && isScalar(item.value)) push('services', value.split(':')[0], partSpan(text, item.value, 0, value.split(':')[0]!.length), 'links to');
    }
    for (const item of seqItems(file, get('volumes_from')?.value)) {
      const value = scalarText(item.value);
      if (value === undefined || value.startsWith('container:') || !isScalar(item.value)) continue;
      const name = value.split(':')[0]!;
      push('services', name, partSpan(text, item.value, 0, name.length), 'takes volumes from');
    }
    const networkMode = get('network_mode')?.value;
    const mode = scalarText(networkMode);
    if (mode?.startsWith('service:') && isScalar(networkMode)) push('services', mode.slice(8), partSpan(text, networkMode, 8, mode.length), 'uses the network of');
    const extendsValue = get('extends')?.value;
    if (isScalar(extendsValue)) push('services', scalarText(extendsValue), spanOf(extendsValue), 'extends');
    else if (isMap(extendsValue) && !entryOf(file, extendsValue, 'file')) {
      const target = entryOf(file, extendsValue, 'service')?.value;
      push('services', scalarText(target), spanOf(target), 'extends');
    }

    for (const item of seqItems(file, get('volumes')?.value)) {
      const value = item.value;
      const short = scalarText(value);
      if (short !== undefined && isScalar(value)) {
        const volume = parseVolumeShort(short);
        if (volume.kind === 'volume' && volume.source) {
          push('volumes', volume.source.text, partSpan(text, value, volume.source.offset, volume.source.offset + volume.source.text.length), 'mounts the named volume');
        }
      } else if (isMap(value)) {
        const type = scalarText(entryOf(file, value, 'type')?.value) ?? 'volume';
        const source = entryOf(file, value, 'source')?.value;
        if (type === 'volume') push('volumes', scalarText(source), spanOf(source), 'mounts the named volume');
      }
    }
    const networks = get('networks')?.value;
    if (isSeq(networks)) for (const item of seqItems(file, networks)) push('networks', scalarText(item.value), spanOf(item.node), 'joins the network');
    if (isMap(networks)) for (const entry of mapEntries(file, networks)) push('networks', entry.key, spanOf(entry.keyNode), 'joins the network');

    for (const section of ['secrets', 'configs'] as const) {
      const usage = section === 'secrets' ? 'uses the secret' : 'uses the config';
      const lists: unknown[] = [get(section)?.value];
      if (section === 'secrets') lists.push(entryOf(file, get('build')?.value, 'secrets')?.value);
      for (const list of lists) {
        for (const item of seqItems(file, list)) {
          if (isScalar(item.value)) push(section, scalarText(item.value), spanOf(item.node), usage);
          else if (isMap(item.value)) {
            const source = entryOf(file, item.value, 'source')?.value;
            push(section, scalarText(source), spanOf(source), usage);
          }
        }
      }
    }
  }
  return references;
}

function partSpan(text: string, node: Node, from: number, to: number): Span | undefined {
  return isScalar(node) && node.range ? spanInScalar(text, node, from, to) : undefined;
}
