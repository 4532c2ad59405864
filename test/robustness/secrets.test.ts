import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { Engine, FILE_KINDS, LineIndex, pathToUri, type FileKind, type Mode, type ProductId } from '../../server/src/engine';
import { LspSession } from '../server/lspSession';
import { workspaceOf } from './invariants';

/*
 * A canary secret planted where each kind keeps secrets — an env value, a compose `environment:`
 * entry, a TOML token, an nginx `Authorization` header — and in the places rules quote from
 * (syntax errors, duplicates, URLs, unterminated quotes, a misspelt table) never appears in what
 * the engine or the language server shows: diagnostics, related information, fix titles, hovers,
 * completion labels, details and documentation, server traffic and logs. Key names are not
 * secrets (findings name them), so the canary is only ever a value. (A completion may carry a
 * freshly generated value: that is not the canary. CLI output in every format:
 * test/cli/secrets.test.ts.)
 */
const CANARY = 'cNry7Qx9ZpW2kLm4vB8tR3sJ';
/** Any 8 characters of the canary in a row count as a leak. */
const PIECES = Array.from({ length: CANARY.length - 7 }, (_, index) => CANARY.slice(index, index + 8));

function assertNoLeak(output: string, what: string): void {
  const piece = PIECES.find((candidate) => output.includes(candidate));
  assert.equal(piece, undefined, `${what} shows part of the secret ("${piece}"): ${output.slice(Math.max(0, output.indexOf(piece ?? '') - 200), output.indexOf(piece ?? '') + 200)}`);
}

export const CANARY_FILES: Readonly<Record<FileKind, { readonly path: string; readonly text: string }>> = {
  env: {
    path: '/project/.env',
    text: [
      'NODE_ENV=production',
      `JWT_SECRET=${CANARY}`,
      `JWT_SECRET=${CANARY}`,
      `ENCRYPTION_KEY="${CANARY}`,
      `DATABASE_URL=postgresql://app:${CANARY}@db:5432/app`,
      `ADMIN_PASSWORD ${CANARY}`,
      `FLYDESK_CREDENTIAL_ENCRYPTION_KEY=${CANARY} # the key`,
      `API_TOKEN=${CANARY}$(whoami)`,
      `OIDC_CLIENT_SECRET=\${${CANARY}}`,
      '',
    ].join('\n'),
  },
  compose: {
    path: '/project/docker-compose.yml',
    text: [
      'services:',
      '  app:',
      '    image: ghcr.io/nopkt/agentim:latest',
      '    environment:',
      `      JWT_SECRET: ${CANARY}`,
      `      DATABASE_URL: postgres://app:${CANARY}@db/app`,
      `      - ENCRYPTION_KEY=${CANARY}`,
      '  worker:',
      '    image: ghcr.io/nopkt/agentim:latest',
      '    environment:',
      `      - JWT_SECRET=${CANARY}`,
      `      - JWT_SECRET=\${JWT_SECRET:-${CANARY}}`,
      `      - "FLOWFILE_MASTER_KEY=${CANARY}`,
      '',
    ].join('\n'),
  },
  toml: {
    path: '/project/config.toml',
    text: [
      '[database]',
      `url = "postgres://flovyn:${CANARY}@db:5432/flovyn"`,
      '[auth]',
      'enabled = true',
      `jwt_secret = "${CANARY}"`,
      '[auth.static_api_key]',
      `key = "${CANARY}"`,
      `token = ${CANARY}`,
      '[auth.static_api_keys]',
      `key = "${CANARY}"`,
      '',
    ].join('\n'),
  },
  nginx: {
    path: '/project/nginx/nginx.conf',
    text: [
      'http {',
      '  server {',
      '    listen 80;',
      '    location /api/ {',
      '      proxy_pass http://app;',
      `      proxy_set_header Authorization "Bearer ${CANARY}";`,
      `      proxy_set_header X-Api-Key ${CANARY} always;`,
      `      ${CANARY} on;`,
      `      add_header X-Token "${CANARY};`,
      '    }',
      '  }',
      '}',
      '',
    ].join('\n'),
  },
};

const PRODUCTS: readonly (ProductId | undefined)[] = [undefined, 'firefly-desk', 'flovyn', 'fraiseql', 'agentim', 'flowfile'];
const MODES: readonly Mode[] = ['production', 'development'];

test('diagnostics, related information and fix titles never show the canary (every kind, product and mode)', () => {
  const engine = new Engine();
  const workspace = workspaceOf(Object.fromEntries(FILE_KINDS.map((kind) => [CANARY_FILES[kind].path, CANARY_FILES[kind].text])));
  for (const kind of FILE_KINDS) {
    const { path: file, text } = CANARY_FILES[kind];
    let reported = 0;
    for (const product of PRODUCTS) {
      for (const mode of MODES) {
        const result = engine.check({ uri: pathToUri(file), text, kind }, workspace, { ...(product ? { product } : {}), mode });
        reported += result.diagnostics.length;
        for (const diagnostic of result.diagnostics) {
          const what = `${kind} ${product ?? 'detected'} ${mode} ${diagnostic.rule}`;
          assertNoLeak(diagnostic.message, `${what} message`);
          for (const related of diagnostic.related) assertNoLeak(related.message, `${what} related`);
          for (const fix of diagnostic.fixes) assertNoLeak(fix.title, `${what} fix title`);
        }
      }
    }
    assert.ok(reported > 0, `${kind}: the canary file has findings (the test is not vacuous)`);
  }
});

test('hovers and completions anywhere on a canary line never show it (labels, details, documentation)', () => {
  const engine = new Engine();
  const workspace = workspaceOf(Object.fromEntries(FILE_KINDS.map((kind) => [CANARY_FILES[kind].path, CANARY_FILES[kind].text])));
  for (const kind of FILE_KINDS) {
    const { path: file, text } = CANARY_FILES[kind];
    const lines = new LineIndex(text);
    const source = { uri: pathToUri(file), text, kind };
    let hovers = 0;
    for (let line = 0; line < lines.lineCount; line++) {
      if (!text.slice(lines.lineStart(line), lines.lineEnd(line)).includes(CANARY)) continue;
      for (let offset = lines.lineStart(line); offset <= lines.lineEnd(line); offset++) {
        for (const options of [{}, { product: 'agentim' }, { product: 'flovyn' }]) {
          const hover = engine.hover(source, workspace, offset, options);
          if (hover) {
            hovers++;
            assertNoLeak(hover.markdown, `${kind} hover at ${offset}`);
          }
          for (const item of engine.complete(source, workspace, offset, options)) {
            assertNoLeak(`${item.label}\n${item.detail ?? ''}\n${item.documentation ?? ''}`, `${kind} completion "${item.label}" at ${offset}`);
          }
        }
      }
    }
    if (kind !== 'nginx') assert.ok(hovers > 0, `${kind}: some hover was shown on a canary line`);
  }
});

const folders: string[] = [];
const sessions: LspSession[] = [];
after(async () => {
  await Promise.all(sessions.map((session) => session.stop()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

test('the language server never sends or logs the canary, whatever it is asked about those files', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'dd-secrets-'));
  folders.push(folder);
  const languages: Record<FileKind, string> = { env: 'dotenv', compose: 'dockercompose', toml: 'toml', nginx: 'nginx' };
  const uris = {} as Record<FileKind, string>;
  for (const kind of FILE_KINDS) {
    const file = path.join(folder, CANARY_FILES[kind].path.replace('/project/', ''));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, CANARY_FILES[kind].text);
    uris[kind] = pathToFileURL(file).href;
  }
  const { session } = await LspSession.start({ folder, settings: { deployDoctor: { debounceMs: 0 } } });
  sessions.push(session);
  for (const kind of FILE_KINDS) {
    const { text } = CANARY_FILES[kind];
    const uri = uris[kind];
    const { diagnostics } = await session.openChecked(uri, text, languages[kind], 20_000);
    const lines = new LineIndex(text);
    for (let line = 0; line < lines.lineCount; line++) {
      const lineText = text.slice(lines.lineStart(line), lines.lineEnd(line));
      const at = lineText.indexOf(CANARY);
      if (at < 0) continue;
      for (const character of [0, at, at + 4, at + CANARY.length, lineText.length]) {
        const position = { line, character };
        await session.request('textDocument/hover', { textDocument: { uri }, position });
        await session.request('textDocument/completion', { textDocument: { uri }, position });
        await session.request('deployDoctor/generateKey', { uri, position });
      }
      const range = { start: { line, character: 0 }, end: { line, character: lineText.length } };
      const here = diagnostics.filter((diagnostic: Diagnostic) => diagnostic.range.start.line <= line && line <= diagnostic.range.end.line);
      await session.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: here } });
    }
    await session.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics, only: ['source.fixAll'] } });
    await session.request('deployDoctor/fileInfo', { uri });
    // Typing on a canary line (the file changes under the rules that quote it).
    const line = text.split('\n').findIndex((candidate) => candidate.includes(CANARY));
    const changed = session.nextDiagnostics(uri, (params) => params.version === 2, 20_000);
    await session.change(uri, { start: { line, character: 0 }, end: { line, character: 0 } }, '#');
    await changed;
    assert.ok(diagnostics.length > 0, `${kind}: the server reported findings on the canary file`);
  }
  await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: FILE_KINDS.map((kind) => ({ uri: uris[kind], type: 2 })) });
  await session.request('textDocument/hover', { textDocument: { uri: uris.env }, position: { line: 1, character: 3 } });
  assert.ok(session.traffic.includes('publishDiagnostics'), 'traffic was recorded');
  // A quick fix that moves a credential out of compose into `.env` carries it in its edit: that is
  // the user's own text moved between their files, never shown. Everything else must not carry it.
  const shown = session.traffic.replace(/"newText":"(?:[^"\\]|\\.)*"/g, '"newText":"…"');
  assert.ok(shown.length < session.traffic.length, 'edits were sent (the test saw quick fixes)');
  assertNoLeak(shown, 'server traffic outside edits');
  assertNoLeak(session.logs.join('\n'), 'server log');
  assertNoLeak(session.stderr, 'server stderr');
});
