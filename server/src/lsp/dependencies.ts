import type { WorkspaceView } from '../engine';

/**
 * Which open documents depend on which other files, learnt from the checks themselves: every
 * check runs against a recording view, so the files a rule read (a compose file's `.env`, its
 * `env_file:` targets, an nginx include) — including ones it looked for and did not find — are
 * exactly the files whose change can change its diagnostics. No rule's knowledge is duplicated
 * here, and a new cross-file rule needs no change in the server.
 */
export class DependencyGraph {
  private readonly reads = new Map<string, ReadonlySet<string>>();
  private readonly listingDocuments = new Set<string>();

  /** A view for checking `uri` that records what the check reads. Call `commit` after the check. */
  recording(uri: string, view: WorkspaceView): WorkspaceView & { commit(): void } {
    const read = new Set<string>();
    let listed = false;
    return {
      readText: (other) => {
        if (other !== uri) read.add(other);
        return view.readText(other);
      },
      // Without it a file refused as outside the folders would read as missing.
      refusal: (other) => view.refusal?.(other),
      files: () => {
        listed = true;
        return view.files();
      },
      commit: () => {
        this.reads.set(uri, read);
        if (listed) this.listingDocuments.add(uri);
        else this.listingDocuments.delete(uri);
      },
    };
  }

  /** Documents whose last check read `changed`; with `created` also those that listed the workspace. */
  dependentsOf(changed: string, created = false): string[] {
    const dependents: string[] = [];
    for (const [uri, read] of this.reads) {
      if (uri !== changed && (read.has(changed) || (created && this.listingDocuments.has(uri)))) dependents.push(uri);
    }
    return dependents;
  }

  /** Documents whose last check asked for the list of workspace files. */
  listers(): string[] {
    return [...this.listingDocuments];
  }

  forget(uri: string): void {
    this.reads.delete(uri);
    this.listingDocuments.delete(uri);
  }
}
