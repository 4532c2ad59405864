import type { Diagnostic as LspDiagnostic, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckOptions, CheckResult, Diagnostic, Engine, FileKind, Mode, SourceDocument } from '../engine';
import { toLspDiagnostic } from './convert';
import { DependencyGraph } from './dependencies';
import type { FileInfo } from './protocol';
import type { WorkspaceFiles } from './workspaceFiles';

/** Editor language ids that name a kind on their own (`toml` and `yaml` do not: Cargo.toml is no config). */
const LANGUAGE_KINDS: Readonly<Record<string, FileKind>> = { dotenv: 'env', nginx: 'nginx', dockercompose: 'compose' };

export interface CheckerHost {
  readonly documents: TextDocuments<TextDocument>;
  readonly workspace: WorkspaceFiles;
  /** The engine that checks the file at `uri` (its workspace folder's settings). */
  engine(uri: string): Engine;
  /** What the file's project config sets (product, mode); the user's pick in the editor wins over it. */
  configOptions(uri: string): CheckOptions;
  /** What the file's check is set up from (its config's engine, options, `ignore:`): equal keys check alike. */
  setupKey(uri: string): string;
  /** Diagnostics published in place of a check (a config file's own problems; none for a file `ignore:` skips), or undefined to check. */
  instead(uri: string, text: string): readonly Diagnostic[] | undefined;
  debounceMs(): number;
  publish(uri: string, version: number, diagnostics: LspDiagnostic[]): void;
  fileInfoChanged(info: FileInfo): void;
  log(message: string): void;
  /** A line for the client's trace (`deployDoctor.trace.server`); dropped while tracing is off. */
  trace(message: string): void;
  readonly relatedInformation: boolean;
}

export interface Override {
  readonly product: string | null;
  readonly mode: Mode | null;
}

/**
 * Checks open documents: debounced on change, at once on open; keeps each document's last
 * result (with its version) for code actions, and re-checks the documents that read a file
 * when that file changes.
 */
export class DocumentChecker {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly results = new Map<string, { readonly version: number; readonly result: CheckResult }>();
  private readonly infos = new Map<string, string>();
  private readonly overrides = new Map<string, Override>();
  /** The setup key each document's last check used. */
  private readonly checkedSetups = new Map<string, string>();
  readonly dependencies = new DependencyGraph();

  constructor(private readonly host: CheckerHost) {}

  /** The document as the engine takes it, with the editor's language as a last hint for its kind. */
  sourceOf(uri: string, text: string, languageId?: string): SourceDocument {
    const kind = this.host.engine(uri).kindOf(uri, text) ?? (languageId !== undefined ? LANGUAGE_KINDS[languageId] : undefined);
    return kind ? { uri, text, kind } : { uri, text };
  }

  optionsOf(uri: string): CheckOptions {
    const override = this.overrides.get(uri);
    return {
      ...this.host.configOptions(uri),
      // The user's pick wins over the config's override, and is reported as the user's.
      ...(override?.product ? { product: override.product, productSource: 'option' as const } : {}),
      ...(override?.mode ? { mode: override.mode } : {}),
    };
  }

  override(uri: string): Override {
    return this.overrides.get(uri) ?? { product: null, mode: null };
  }

  setOverride(uri: string, override: Override): void {
    if (override.product === null && override.mode === null) this.overrides.delete(uri);
    else this.overrides.set(uri, override);
  }

  schedule(uri: string, delay = this.host.debounceMs()): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.checkNow(uri);
      }, delay),
    );
  }

  /** Re-checks the open documents whose last check read `changed` (or listed the files, for a created/deleted one). */
  scheduleDependents(changed: string, created = false): void {
    for (const uri of this.dependencies.dependentsOf(changed, created)) {
      if (this.host.documents.get(uri)) this.schedule(uri);
    }
  }

  checkAll(): void {
    for (const document of this.host.documents.all()) this.checkNow(document.uri);
  }

  /** True when the document was checked with another setup than the one that applies now (a config edit changed it). */
  isStale(uri: string): boolean {
    const checked = this.checkedSetups.get(uri);
    return checked !== undefined && checked !== this.host.setupKey(uri);
  }

  /** Checks at once every open document whose setup changed (a config file was saved or changed on disk). */
  checkStale(): void {
    for (const document of this.host.documents.all()) if (this.isStale(document.uri)) this.checkNow(document.uri);
  }

  /**
   * After an unsaved config edit: a document whose setup changed is checked after the debounce,
   * if it is still stale then (a later keystroke may have restored the config). A check already
   * pending for it is left to run.
   */
  scheduleIfStale(uri: string, delay = this.host.debounceMs()): void {
    if (this.timers.has(uri) || !this.isStale(uri)) return;
    this.timers.set(uri, setTimeout(() => this.checkIfStale(uri), delay));
  }

  private checkIfStale(uri: string): void {
    this.timers.delete(uri);
    if (this.isStale(uri)) this.checkNow(uri);
  }

  checkNow(uri: string): CheckResult | undefined {
    const document = this.host.documents.get(uri);
    if (!document) return undefined;
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    const started = performance.now();
    this.checkedSetups.set(uri, this.host.setupKey(uri));
    const instead = this.host.instead(uri, document.getText());
    if (instead) return this.publishInstead(uri, document.version, instead);
    const recording = this.dependencies.recording(uri, this.host.workspace);
    let result: CheckResult;
    try {
      result = this.host.engine(uri).check(this.sourceOf(uri, document.getText(), document.languageId), recording, this.optionsOf(uri));
    } catch {
      // The engine reports rule failures itself; reaching here means the host's view failed.
      this.host.log(`check failed: ${uri}`);
      return undefined;
    }
    recording.commit();
    this.results.set(uri, { version: document.version, result });
    const diagnostics = result.diagnostics.map((diagnostic, index) => toLspDiagnostic(diagnostic, { version: document.version, index }, this.host.relatedInformation));
    // What a slow editor comes down to, for the user who turns tracing on and for `npm run bench`;
    // sent before the diagnostics, so a client has the time when they arrive.
    this.host.trace(`checked ${uri} version ${document.version}: ${diagnostics.length} diagnostics in ${(performance.now() - started).toFixed(1)} ms`);
    this.host.publish(uri, document.version, diagnostics);
    this.infoChanged(uri, result);
    return result;
  }

  private infoChanged(uri: string, result: CheckResult): void {
    const info = this.infoOf(uri, result);
    const serialized = JSON.stringify(info);
    if (this.infos.get(uri) !== serialized) {
      this.infos.set(uri, serialized);
      this.host.fileInfoChanged(info);
    }
  }

  /** True when `version` of the document has been checked already (an open, which also reports a change). */
  isChecked(uri: string, version: number): boolean {
    return this.results.get(uri)?.version === version;
  }

  /** The result for the document's current version: the last check's, or a fresh one. */
  current(uri: string): { readonly version: number; readonly result: CheckResult } | undefined {
    const document = this.host.documents.get(uri);
    if (!document) return undefined;
    const cached = this.results.get(uri);
    if (cached && cached.version === document.version) return cached;
    const result = this.checkNow(uri);
    return result ? { version: document.version, result } : undefined;
  }

  /** File info of any file: an open document's last check, else an analysis of its text on disk. */
  fileInfo(uri: string): FileInfo {
    const current = this.current(uri);
    if (current) return this.infoOf(uri, current.result);
    const text = this.host.workspace.readText(uri);
    const analyzed = text === undefined ? undefined : this.host.engine(uri).analyze(this.sourceOf(uri, text), this.optionsOf(uri));
    return this.describe(uri, analyzed?.document.kind, analyzed?.product?.id, analyzed?.productSource, analyzed?.mode ?? this.optionsOf(uri).mode ?? 'production');
  }

  /** Publishes what stands in for a check; the file reads nothing, and no code action or file info comes from a rule. */
  private publishInstead(uri: string, version: number, diagnostics: readonly Diagnostic[]): CheckResult {
    this.dependencies.forget(uri);
    const result: CheckResult = { uri, kind: undefined, product: undefined, productSource: undefined, mode: 'production', diagnostics };
    this.results.set(uri, { version, result });
    this.host.publish(uri, version, diagnostics.map((diagnostic, index) => toLspDiagnostic(diagnostic, { version, index }, this.host.relatedInformation)));
    this.infoChanged(uri, result);
    return result;
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.results.delete(uri);
    this.infos.delete(uri);
    this.checkedSetups.delete(uri);
    this.dependencies.forget(uri);
    this.host.engine(uri).forget(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private infoOf(uri: string, result: CheckResult): FileInfo {
    return this.describe(uri, result.kind, result.product, result.productSource, result.mode);
  }

  private describe(uri: string, kind: FileKind | undefined, product: string | undefined, source: FileInfo['productSource'] | undefined, mode: Mode): FileInfo {
    const override = this.override(uri);
    const definition = product === undefined ? undefined : this.host.engine(uri).products.find((item) => item.id === product);
    return {
      uri,
      kind: kind ?? null,
      product: product ?? null,
      productName: definition?.name ?? product ?? null,
      productSource: source ?? null,
      mode,
      override: { product: override.product, mode: override.mode },
    };
  }
}
