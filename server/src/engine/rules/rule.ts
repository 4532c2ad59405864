import type { ProductDefinition } from '../../../../schemas/types';
import type { ParsedDocument, ParsedDocumentOf } from '../document';
import type { ProductSource } from '../engine';
import type { FileKind, Finding, Mode, Severity, WorkspaceView } from '../types';

/** What the hosts read to build hovers, SARIF rule descriptors and docs links: written once, here. */
export interface RuleMeta<K extends FileKind = FileKind> {
  /** Public id, `area/name`; its docs page is `docs/rules/<id>.md`. */
  readonly id: string;
  /** The file kinds the rule checks. */
  readonly kinds: readonly K[];
  readonly defaultSeverity: Severity;
  /** One sentence: what the rule finds. */
  readonly description: string;
  /** True when the rule offers a quick fix for (some of) its findings. */
  readonly fixable: boolean;
}

/** The workspace as rules see it: other files' text and, cached, their parse. */
export interface RuleWorkspace extends WorkspaceView {
  /** The parsed file at `uri` (kind detected from its name), or undefined when absent. */
  parse(uri: string): ParsedDocument | undefined;
}

export interface RuleContext<K extends FileKind = FileKind> {
  readonly document: ParsedDocumentOf<K>;
  /** The product the file was detected as, if any. */
  readonly product: ProductDefinition | undefined;
  /** How `product` was set: chosen by the user (`option`, `directive`, `setting`) or detected (`content`). */
  readonly productSource?: ProductSource;
  /** Every product the engine knows, for files that mix products (a compose stack). */
  readonly products: readonly ProductDefinition[];
  readonly mode: Mode;
  readonly workspace: RuleWorkspace;
  /**
   * nginx modules the project declares it loads (`headers-more`, `lua`, `njs`, `brotli`; see
   * rules/nginx/support/thirdParty.ts): their directives are not reported at all.
   */
  readonly nginxModules?: readonly string[];
  report(finding: Finding): void;
}

export interface Rule<K extends FileKind = FileKind> {
  readonly meta: RuleMeta<K>;
  check(context: RuleContext<K>): void;
}

/** Identity function that lets TypeScript infer `K` from `meta.kinds`. */
export function defineRule<K extends FileKind>(rule: Rule<K>): Rule<K> {
  return rule;
}
