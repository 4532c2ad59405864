import { docsUrlOf, pathToUri, uriToPath, type Diagnostic, type RuleMeta, type Severity } from '../../engine';
import type { Report } from '../check';
import { displayPath } from '../paths';
import { locationOf, oneLine } from './location';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/deploy-doctor/deploy-doctor';
const SOURCE_ROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

/** Rule areas whose findings are security problems (code-scanning services filter on the tag). */
const SECURITY_AREAS = new Set(['secret', 'cors', 'security']);

/**
 * SARIF 2.1.0, one run: the tool's every rule with its docs link and default level, and one
 * result per finding with its file relative to `%SRCROOT%` (the current folder). Skipped and
 * unreadable files become tool notifications, so an upload says what was not checked.
 */
export function formatSarif(report: Report, rules: readonly RuleMeta[], version: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifact = (path: string) => artifactLocation(path, report.cwd);
  const results = report.checked.flatMap((file) => file.result.diagnostics.map((diagnostic) => resultOf(diagnostic, file.path, ruleIndex, artifact)));
  const notifications = [
    ...report.skipped.map((file) => ({ level: 'note', message: { text: `${file.display}: skipped, ${file.reason}` } })),
    ...report.failed.map((file) => ({ level: 'error', message: { text: `${file.display}: ${file.reason}` } })),
  ];
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'deploy-doctor',
            fullName: 'Deploy Doctor',
            informationUri: INFORMATION_URI,
            version,
            semanticVersion: version,
            rules: rules.map(descriptorOf),
          },
        },
        invocations: [
          {
            executionSuccessful: report.failed.length === 0,
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(report.cwd) } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

function descriptorOf(rule: RuleMeta) {
  const area = rule.id.split('/')[0]!;
  const helpUri = docsUrlOf(rule.id);
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri,
    help: { text: `${rule.description} See ${helpUri}`, markdown: `${rule.description} [Documentation](${helpUri})` },
    defaultConfiguration: { level: levelOf(rule.defaultSeverity) },
    properties: {
      tags: [...new Set(SECURITY_AREAS.has(area) ? [area, 'security'] : [area])],
      kinds: [...rule.kinds],
      fixable: rule.fixable,
    },
  };
}

interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

function resultOf(
  diagnostic: Diagnostic,
  path: string,
  ruleIndex: ReadonlyMap<string, number>,
  artifact: (path: string) => ArtifactLocation,
) {
  const location = locationOf(diagnostic);
  const index = ruleIndex.get(diagnostic.rule);
  const related = diagnostic.related.flatMap((item, id) => {
    const relatedPath = uriToPath(item.uri);
    if (relatedPath === undefined) return [];
    const { start, end } = item.range;
    return [
      {
        id,
        message: { text: oneLine(item.message) },
        physicalLocation: {
          artifactLocation: artifact(relatedPath),
          region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
        },
      },
    ];
  });
  return {
    ruleId: diagnostic.rule,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    level: levelOf(diagnostic.severity),
    message: { text: oneLine(diagnostic.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifact(path),
          region: { startLine: location.line, startColumn: location.column, endLine: location.endLine, endColumn: location.endColumn },
        },
      },
    ],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    properties: {
      severity: diagnostic.severity,
      ...(diagnostic.product !== undefined ? { product: diagnostic.product } : {}),
    },
  };
}

/** info and hint have no SARIF level of their own: both are notes. */
export function levelOf(severity: Severity): SarifLevel {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/** Relative to `%SRCROOT%` when under it; an absolute `file:` URI otherwise (no `..` in uploads). */
function artifactLocation(path: string, cwd: string): ArtifactLocation {
  const relativePath = displayPath(path, cwd);
  if (relativePath.startsWith('../') || relativePath === '..' || /^[a-z]:/i.test(relativePath) || relativePath.startsWith('/')) {
    return { uri: pathToUri(path) };
  }
  return { uri: relativePath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

function folderUri(path: string): string {
  const uri = pathToUri(path);
  return uri.endsWith('/') ? uri : `${uri}/`;
}
