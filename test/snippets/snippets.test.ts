import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { products } from '../../schemas';
import { generateKey, type KeyFormat } from '../../server/src/engine/keygen';
import { checkText, findingsOf } from '../../server/src/engine/testing';
import type { CheckResult } from '../../server/src/engine';
import { expandSnippet } from './expand';

/** Tab stops the user fills with "Deploy Doctor: Generate Key…". */
const GENERATE_HINT = '<generate-key>';

interface Snippet {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

function snippetsOf(file: string): [string, Snippet][] {
  return Object.entries(JSON.parse(readFileSync(join(process.cwd(), 'snippets', file), 'utf8')) as Record<string, Snippet>);
}

/** The secret format the schemas give a key, or hex (safe inside a URL) for a password in a URL. */
function formatOf(key: string): KeyFormat {
  for (const product of products) {
    const spec = product.settings.find((setting) => setting.key === key);
    if (spec?.secret) return spec.secret.format;
  }
  return 'hex-32';
}

/** Fills every generate hint as the user would, with a key in the format of the line's setting. */
function fillSecrets(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!line.includes(GENERATE_HINT)) return line;
      const key = /^\s*-?\s*([A-Za-z_][A-Za-z0-9_]*)\s*[=:]/.exec(line)?.[1] ?? '';
      const inUrl = /:\/\/[^=]*<generate-key>@/.test(line);
      return line.split(GENERATE_HINT).join(generateKey(inUrl ? 'hex-32' : formatOf(key)));
    })
    .join('\n');
}

function errorsAndWarnings(result: CheckResult): string[] {
  return result.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.rule} (${d.severity}) at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
}

const envSnippets = new Map(snippetsOf('dotenv.json').map(([, snippet]) => [snippet.prefix, snippet]));

/** The .env a stack snippet expects beside it: the product's .env snippet, plus the database password. */
function siblingEnv(prefix: string): string {
  const envPrefix = prefix.replace('dd-compose-', 'dd-env-');
  const env = envSnippets.get(envPrefix);
  const base = env ? fillSecrets(expandSnippet(env.body.join('\n'))) : '';
  return `${base}DB_PASSWORD=${generateKey('hex-32')}\n`;
}

const cases: { file: string; path: (snippet: Snippet) => string; files?: (prefix: string) => Record<string, string> }[] = [
  { file: 'dotenv.json', path: () => '/project/.env' },
  {
    file: 'dockercompose.json',
    path: () => '/project/docker-compose.yml',
    files: (prefix) => ({ '/project/.env': siblingEnv(prefix), '/project/config.toml': '' }),
  },
  // A location on its own belongs in an included snippet (server context); a server in conf.d (http).
  { file: 'nginx.json', path: (snippet) => (snippet.body[0]!.startsWith('location') ? `/project/nginx/snippets/${snippet.prefix}.conf` : '/project/nginx/conf.d/site.conf') },
  { file: 'toml.json', path: () => '/project/config.toml' },
];

/**
 * A fragment (a `healthcheck:` block) belongs under a service: it is inserted there, at the
 * service's indentation, as the user would; whole-file snippets go into an empty file.
 */
function inserted(snippet: Snippet): string {
  const text = fillSecrets(expandSnippet(snippet.body.join('\n')));
  if (!snippet.body[0]!.startsWith('healthcheck:')) return text;
  const service = snippet.prefix.endsWith('redis') ? 'redis:\n    image: redis:7-alpine' : 'db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?}';
  return `services:\n  ${service}\n${text.replace(/^(?=.)/gm, '    ')}`;
}

for (const { file, path, files } of cases) {
  for (const [name, snippet] of snippetsOf(file)) {
    test(`snippet "${name}" (${file}) inserted into an empty file has no error or warning`, () => {
      const text = inserted(snippet);
      const result = checkText(text, { path: path(snippet), ...(files ? { files: files(snippet.prefix) } : {}) });
      assert.ok(result.kind, `${name}: the file kind is detected`);
      assert.deepEqual(errorsAndWarnings(result), [], `${name}:\n${text}`);
    });
  }
}

test('every product .env snippet is detected as its product and sets every production-required key', () => {
  const expected: Record<string, string> = {
    'dd-env-firefly-desk': 'firefly-desk',
    'dd-env-agentim': 'agentim',
    'dd-env-flowfile': 'flowfile',
    'dd-env-fraiseql': 'fraiseql',
  };
  for (const [prefix, productId] of Object.entries(expected)) {
    const snippet = envSnippets.get(prefix);
    assert.ok(snippet, prefix);
    const result = checkText(fillSecrets(expandSnippet(snippet.body.join('\n'))), { path: '/project/.env' });
    assert.equal(result.product, productId, prefix);
    const product = products.find((candidate) => candidate.id === productId)!;
    const text = snippet.body.join('\n');
    for (const setting of product.settings) {
      if (setting.required === 'production' && (setting.source ?? 'env') === 'env') {
        assert.match(text, new RegExp(`^${setting.key}=`, 'm'), `${prefix} sets ${setting.key}`);
      }
    }
  }
});

test('a generate hint left in place is caught as a placeholder, never shipped silently', () => {
  for (const [name, snippet] of snippetsOf('dotenv.json')) {
    const text = expandSnippet(snippet.body.join('\n'));
    const hints = text.split(GENERATE_HINT).length - 1;
    if (hints === 0) continue;
    const result = checkText(text, { path: '/project/.env' });
    const caught = [...findingsOf(result, 'secret/placeholder'), ...findingsOf(result, 'secret/weak')].filter((d) => d.severity === 'error');
    assert.ok(caught.length >= 1, `${name}: an unfilled generate hint is an error`);
  }
});
