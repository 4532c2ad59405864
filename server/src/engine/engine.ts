import type { ProductDefinition } from '../../../schemas/types';
import { checkWithBom, completionsWithBom, hasBom, hoverWithBom, offsetWithoutBom, withoutBom } from './bom';
import { directivesOf, type FileDirectives, type Suppression } from './detect/directives';
import { detectKind, type KindAssociation } from './detect/kind';
import { detectMode } from './detect/mode';
import { detectProduct } from './detect/product';
import { signalsOf } from './detect/signals';
import { matchesGlob } from './detect/glob';
import type { ParsedDocument } from './document';
import { parseDocument } from './parsers';
import { allRules } from './rules';
import { internalError, unusedDisable } from './rules/meta';
import type { Rule, RuleContext, RuleWorkspace } from './rules/rule';
import { LineIndex } from './text';
import type {
  Diagnostic,
  FileKind,
  Finding,
  Fix,
  Mode,
  ProductId,
  ResolvedFileEdit,
  ResolvedFix,
  Severity,
  SeverityOverride,
  SourceDocument,
  WorkspaceView,
} from './types';
import { uriPath } from './uri';
import { doComplete } from './services/completion';
import { doHover } from './services/hover';
import type { CompletionItem, HoverResult } from './services/types';
import { products as knownProducts } from '../../../schemas';

export const DOCS_BASE_URL = 'https://github.com/deploy-doctor/deploy-doctor/blob/main/docs/rules/';

/** Files larger than this are skipped with a reason rather than parsed. */
export const MAX_FILE_CHARS = 5 * 1024 * 1024;

export interface ProductAssociation {
  readonly glob: string;
  readonly product: ProductId;
  /** What a check reports as the product's source when this association chose it: `setting` when absent. */
  readonly source?: 'setting' | 'config';
}

export interface EngineOptions {
  readonly rules?: readonly Rule[];
  readonly products?: readonly ProductDefinition[];
  /** Per-rule severity overrides; `off` disables a rule. */
  readonly severities?: Readonly<Record<string, SeverityOverride>>;
  readonly kindAssociations?: readonly KindAssociation[];
  readonly productAssociations?: readonly ProductAssociation[];
  /** nginx modules the deployment loads (module ids of rules/nginx/support/thirdParty.ts: `headers-more`, `lua`, `njs`, …). */
  readonly nginxModules?: readonly string[];
}

/** Host choices for one check (the CLI's `--product`/`--mode`, the editor's status-bar pick). */
export interface CheckOptions {
  readonly product?: ProductId;
  readonly mode?: Mode;
  /** Where `product` was chosen: `option` (the host's flag or pick) when absent, `config` for a project config's override. */
  readonly productSource?: 'option' | 'config';
}

/**
 * Where a file's product came from: `option` a host's flag or the user's pick, `config` a project
 * config's `files:` (an own product's or an override's), `directive` a comment in the file,
 * `setting` an editor setting's glob (`deployDoctor.products`), `content` detection.
 */
export type ProductSource = 'option' | 'config' | 'directive' | 'setting' | 'content';

export interface CheckResult {
  readonly uri: string;
  /** Undefined when the file is not a configuration file the engine checks. */
  readonly kind: FileKind | undefined;
  readonly product: ProductId | undefined;
  readonly productSource: ProductSource | undefined;
  readonly mode: Mode;
  readonly diagnostics: readonly Diagnostic[];
  /** Why the file was not checked (binary, too large), when it was not. */
  readonly skipped?: string;
}

/** What a rule sees of one file after detection: kept so hover and completion agree with checks. */
export interface AnalyzedDocument {
  readonly document: ParsedDocument;
  readonly product: ProductDefinition | undefined;
  readonly productSource: ProductSource | undefined;
  readonly mode: Mode;
  readonly directives: FileDirectives;
}

/**
 * How many parsed files the engine keeps (least recently used dropped first): the files being
 * edited and those their checks read (a compose file's `.env`). 64 held 1-2 MB more of the
 * server's peak memory in the 1,000-file benchmark, for parses that are cheap to redo.
 */
const PARSE_CACHE_SIZE = 16;

export class Engine {
  readonly rules: readonly Rule[];
  readonly products: readonly ProductDefinition[];
  private readonly rulesById: ReadonlyMap<string, Rule>;
  private readonly parseCache = new Map<string, ParsedDocument>();

  constructor(private readonly options: EngineOptions = {}) {
    this.rules = options.rules ?? allRules;
    this.products = options.products ?? knownProducts;
    this.rulesById = new Map(this.rules.map((rule) => [rule.meta.id, rule]));
  }

  rule(id: string): Rule | undefined {
    return this.rulesById.get(id);
  }

  /** The kind of a file, by setting, name, then content. */
  kindOf(uri: string, text: string | undefined): FileKind | undefined {
    return detectKind(uri, text, this.options.kindAssociations);
  }

  /**
   * Parses, caching the last parse of the most recently used URIs so that cross-file rules and
   * hover or code actions after a check do not re-parse. The cache is small on purpose: a parse
   * holds many times its text in nodes and ranges, and a server with a thousand files open must
   * not keep them all.
   */
  parse(uri: string, text: string, kind: FileKind): ParsedDocument {
    const cached = this.parseCache.get(uri);
    const parsed = cached && cached.text === text && cached.kind === kind ? cached : parseDocument(uri, text, kind);
    // Map order is use order: re-inserted last, so the first entry is the least recently used.
    this.parseCache.delete(uri);
    this.parseCache.set(uri, parsed);
    if (this.parseCache.size > PARSE_CACHE_SIZE) this.parseCache.delete(this.parseCache.keys().next().value!);
    return parsed;
  }

  /** Forgets a file's cached parse (closed or deleted). */
  forget(uri: string): void {
    this.parseCache.delete(uri);
  }

  /** Parses and detects product and mode, as a check would; undefined for files of no kind. */
  analyze(source: SourceDocument, options: CheckOptions = {}): AnalyzedDocument | undefined {
    const kind = source.kind ?? this.kindOf(source.uri, source.text);
    if (!kind || skipReason(source.text)) return undefined;
    const document = this.parse(source.uri, source.text, kind);
    const directives = directivesOf(document);
    const { product, productSource } = this.resolveProduct(document, directives, options);
    const mode = options.mode ?? directives.mode ?? detectMode(document);
    return { document, product, productSource, mode, directives };
  }

  check(source: SourceDocument, workspace: WorkspaceView, options: CheckOptions = {}): CheckResult {
    if (hasBom(source.text)) return checkWithBom(this.check(withoutBom(source), workspace, options));
    const skipped = skipReason(source.text);
    const kind = source.kind ?? this.kindOf(source.uri, skipped ? undefined : source.text);
    const base = { uri: source.uri, kind, product: undefined, productSource: undefined, mode: options.mode ?? 'production' } as const;
    if (!kind) return { ...base, diagnostics: [] };
    if (skipped) return { ...base, diagnostics: [], skipped };

    const analyzed = this.analyze({ ...source, kind }, options)!;
    const { document, product, productSource, mode, directives } = analyzed;
    const ruleWorkspace = this.ruleWorkspace(workspace);
    const findings: { rule: Rule; finding: Finding }[] = [];

    for (const rule of this.rules) {
      if (!rule.meta.kinds.includes(kind) || this.severityOf(rule) === 'off') continue;
      const context: RuleContext = {
        document,
        product,
        ...(productSource !== undefined ? { productSource } : {}),
        products: this.products,
        mode,
        workspace: ruleWorkspace,
        nginxModules: this.options.nginxModules,
        report: (finding) => findings.push({ rule, finding }),
      };
      try {
        rule.check(context);
      } catch (error) {
        findings.push({
          rule: internalError,
          finding: {
            span: { start: 0, end: 0 },
            message: `Rule ${rule.meta.id} failed on this file and its findings are missing: ${errorSummary(error)}`,
          },
        });
      }
    }
    for (const problem of directives.problems) {
      findings.push({ rule: unusedDisable, finding: { span: problem.span, message: problem.message, severity: 'warning' } });
    }

    const kept = applySuppressions(findings, directives.suppressions, document);
    const diagnostics: Diagnostic[] = [];
    // Line tables of the other files that findings point into, made once per file per check.
    const lineTables = new Map<string, LineIndex>([[document.uri, document.lines]]);
    const linesOf = (uri: string) => {
      let lines = lineTables.get(uri);
      if (!lines) lineTables.set(uri, (lines = new LineIndex(safeRead(workspace, uri) ?? '')));
      return lines;
    };
    for (const { rule, finding } of kept) {
      const severity = finding.severity !== undefined ? this.adjust(rule, finding.severity) : this.severityOf(rule);
      if (severity === 'off') continue;
      diagnostics.push(this.toDiagnostic(document, rule, finding, severity, product?.id, workspace, linesOf));
    }
    diagnostics.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
    return { uri: source.uri, kind, product: product?.id, productSource: analyzed.productSource, mode, diagnostics };
  }

  /** Hover at an offset: a key's schema, a directive's reference, a rule's docs. */
  hover(source: SourceDocument, workspace: WorkspaceView, offset: number, options: CheckOptions = {}): HoverResult | undefined {
    if (hasBom(source.text)) return hoverWithBom(this.hover(withoutBom(source), workspace, offsetWithoutBom(offset), options));
    const analyzed = this.analyze(source, options);
    return analyzed ? doHover({ analyzed, offset, workspace: this.ruleWorkspace(workspace), products: this.products }) : undefined;
  }

  /** Completions at an offset. */
  complete(source: SourceDocument, workspace: WorkspaceView, offset: number, options: CheckOptions = {}): CompletionItem[] {
    if (hasBom(source.text)) return completionsWithBom(this.complete(withoutBom(source), workspace, offsetWithoutBom(offset), options));
    const analyzed = this.analyze(source, options);
    return analyzed ? doComplete({ analyzed, offset, workspace: this.ruleWorkspace(workspace), products: this.products }) : [];
  }

  /** The severity a rule reports at, after the user's overrides. */
  severityOf(rule: Rule): SeverityOverride {
    return this.options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
  }

  /** The user's override for `ruleId`, if any: for findings no rule of the engine reports (config/invalid). */
  overrideOf(ruleId: string): SeverityOverride | undefined {
    return this.options.severities?.[ruleId];
  }

  /** A finding that sets its own severity keeps it unless the user turned the rule off or overrode it. */
  private adjust(rule: Rule, severity: Severity): SeverityOverride {
    return this.options.severities?.[rule.meta.id] ?? severity;
  }

  private resolveProduct(
    document: ParsedDocument,
    directives: FileDirectives,
    options: CheckOptions,
  ): { product: ProductDefinition | undefined; productSource: ProductSource | undefined } {
    const byId = (id: string | undefined) => (id === undefined ? undefined : this.products.find((product) => product.id === id));
    if (options.product) return { product: byId(options.product), productSource: options.productSource ?? 'option' };
    if (directives.product) return { product: byId(directives.product), productSource: 'directive' };
    const path = uriPath(document.uri);
    const association = this.options.productAssociations?.find((entry) => matchesGlob(path, entry.glob));
    if (association) return { product: byId(association.product), productSource: association.source ?? 'setting' };
    const detected = detectProduct(signalsOf(document), this.products);
    return { product: detected, productSource: detected ? 'content' : undefined };
  }

  private ruleWorkspace(workspace: WorkspaceView): RuleWorkspace {
    return {
      readText: (uri) => safeRead(workspace, uri),
      refusal: (uri) => safeRefusal(workspace, uri),
      files: () => workspace.files(),
      parse: (uri) => {
        const text = safeRead(workspace, uri);
        if (text === undefined || skipReason(text)) return undefined;
        const kind = this.kindOf(uri, text);
        return kind ? this.parse(uri, text, kind) : undefined;
      },
    };
  }

  private toDiagnostic(
    document: ParsedDocument,
    rule: Rule,
    finding: Finding,
    severity: Severity,
    product: ProductId | undefined,
    workspace: WorkspaceView,
    linesOf: (uri: string) => LineIndex,
  ): Diagnostic {
    // Most findings have neither: they share one empty array rather than making two each. The
    // mapping is done apart: closures here would make V8 allocate a context for every finding.
    const related = finding.related?.length ? relatedOf(finding.related, linesOf) : NONE;
    const fixes = finding.fixes?.length ? resolveFixes(finding.fixes, rule.meta.id, document, workspace) : NONE;
    return {
      uri: document.uri,
      rule: rule.meta.id,
      severity,
      span: finding.span,
      range: document.lines.rangeOf(finding.span),
      message: finding.message,
      // Set even when undefined: a spread made an object per diagnostic, and every reader tests the value.
      product,
      related,
      fixes,
      docsUrl: docsUrlOf(rule.meta.id),
    };
  }
}

const NONE: readonly never[] = Object.freeze([]);

export function docsUrlOf(ruleId: string): string {
  // One string per rule, not one per finding (a file can have thousands).
  let url = docsUrls.get(ruleId);
  if (url === undefined) docsUrls.set(ruleId, (url = `${DOCS_BASE_URL}${ruleId}.md`));
  return url;
}

const docsUrls = new Map<string, string>();

/** Why a text is not checked, or undefined when it is checkable. */
export function skipReason(text: string): string | undefined {
  if (text.length > MAX_FILE_CHARS) return `larger than ${MAX_FILE_CHARS / (1024 * 1024)} MB; not checked`;
  if (text.includes('\u0000')) return 'binary content (NUL bytes); not checked';
  return undefined;
}

function relatedOf(related: NonNullable<Finding['related']>, linesOf: (uri: string) => LineIndex): Diagnostic['related'] {
  return related.map((item) => ({ uri: item.uri, range: linesOf(item.uri).rangeOf(item.span), message: item.message }));
}

function resolveFixes(fixes: readonly Fix[], rule: string, document: ParsedDocument, workspace: WorkspaceView): ResolvedFix[] {
  return fixes.map((fix) => resolveFix(fix, rule, document, workspace));
}

function resolveFix(fix: Fix, rule: string, document: ParsedDocument, workspace: WorkspaceView): ResolvedFix {
  const changes: ResolvedFileEdit[] = [];
  if (fix.edits && fix.edits.length > 0) {
    changes.push({
      uri: document.uri,
      edits: fix.edits.map((edit) => ({ range: document.lines.rangeOf(edit.span), newText: edit.newText })),
    });
  }
  for (const fileEdit of fix.fileEdits ?? []) {
    const lines = fileEdit.uri === document.uri ? document.lines : new LineIndex(safeRead(workspace, fileEdit.uri) ?? '');
    changes.push({
      uri: fileEdit.uri,
      edits: fileEdit.edits.map((edit) => ({ range: lines.rangeOf(edit.span), newText: edit.newText })),
      ...(fileEdit.create ? { create: true } : {}),
    });
  }
  const isPreferred = fix.isPreferred ?? false;
  return { title: fix.title, isPreferred, safety: fix.safety ?? (isPreferred ? 'safe' : 'choice'), rule, changes };
}

function applySuppressions(
  findings: readonly { rule: Rule; finding: Finding }[],
  suppressions: readonly Suppression[],
  document: ParsedDocument,
): { rule: Rule; finding: Finding }[] {
  if (suppressions.length === 0) return [...findings];
  const used = new Set<Suppression>();
  const kept = findings.filter(({ rule, finding }) => {
    if (rule === internalError) return true;
    const line = document.lines.lineAt(finding.span.start);
    const suppression = suppressions.find(
      (candidate) =>
        (candidate.rules.length === 0 || candidate.rules.includes(rule.meta.id)) &&
        (candidate.scope === 'file' ? line >= candidate.line : line === candidate.line + 1),
    );
    if (suppression) used.add(suppression);
    return !suppression;
  });
  for (const suppression of suppressions) {
    if (used.has(suppression)) continue;
    const what = suppression.rules.length > 0 ? suppression.rules.join(', ') : 'all rules';
    const lineStart = document.lines.lineStart(suppression.line);
    const lineEnd = document.lines.lineEnd(suppression.line);
    const wholeLine = document.text.slice(lineStart, suppression.span.start).trim() === '';
    const end = wholeLine && suppression.line + 1 < document.lines.lineCount ? document.lines.lineStart(suppression.line + 1) : lineEnd;
    kept.push({
      rule: unusedDisable,
      finding: {
        span: suppression.span,
        message: `This deploy-doctor comment suppresses nothing (${what}).`,
        fixes: [{ title: 'Remove the unused deploy-doctor comment', isPreferred: true, edits: [{ span: { start: wholeLine ? lineStart : suppression.span.start, end }, newText: '' }] }],
      },
    });
  }
  return kept;
}

function safeRead(workspace: WorkspaceView, uri: string): string | undefined {
  try {
    return workspace.readText(uri);
  } catch {
    return undefined;
  }
}

function safeRefusal(workspace: WorkspaceView, uri: string): string | undefined {
  try {
    return workspace.refusal?.(uri);
  } catch {
    return undefined;
  }
}

/** Only the error's class: its message may quote file content, and that may be a secret. */
function errorSummary(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
