import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { mutate, yamlMutation } from '../../parsers/compose/arbitraries';
import { parseCompose } from '../../parsers/compose/parse';
import { engineFor, memoryWorkspace } from '../../testing';
import { LineIndex } from '../../text';
import type { Range } from '../../types';
import { pathToUri } from '../../uri';
import inlineCredential from '../security/inline-credential';
import { composeRules } from './index';

/*
 * Mutated compose files (characters YAML cares about inserted, lines dropped, duplicated and
 * re-indented) never make the parser or a compose rule throw, and every finding and fix edit lies
 * inside the text. DD_PROPERTY_RUNS raises the number of cases.
 */
const RUNS = Math.max(2000, Number(process.env['DD_PROPERTY_RUNS'] ?? 0) || 0);

const SEEDS = [
  [
    '# deploy-doctor product=firefly-desk',
    'version: "3.8"',
    'x-common: &common',
    '  restart: unless-stopped',
    'services:',
    '  app:',
    '    <<: *common',
    '    build: .',
    '    env_file: [.env, {path: extra.env, required: false}]',
    '    ports: ["8000:8000", "0.0.0.0:5432:5432", 6379]',
    '    depends_on:',
    '      db: {condition: service_healthy}',
    '      redis:',
    '        condition: service_healthy',
    '    volumes:',
    '      - uploads:/app/uploads',
    '      - ./data:/data:ro',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      POSTGRES_USER: ${DB_USER:-app}',
    '      POSTGRES_PASSWORD: literal-secret',
    '      URL: postgres://u:p@db/x',
    '    healthcheck:',
    '      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]',
    '  redis:',
    '    image: redis:7',
    '    ports:',
    '      - target: 6379',
    '        published: 6379',
    'volumes:',
    '  uploads:',
    '',
  ].join('\n'),
  [
    'services:',
    '  flowfile-core:',
    '    image: edwardvaneechoud/flowfile-core',
    '    environment:',
    '      - FLOWFILE_MASTER_KEY="${FLOWFILE_MASTER_KEY}"',
    '      - CMD=echo $$HOME $ ${A?x} ${B:+y}',
    '    secrets: [pw]',
    '    networks: {front: {aliases: [a]}}',
    '    ports: !reset []',
    '    labels: !override {a: b}',
    '  flowfile-worker:',
    '    image: edwardvaneechoud/flowfile-worker',
    '    extends: {service: flowfile-core}',
    'include:',
    '  - other.yaml',
    'networks:',
    '  front:',
    '',
  ].join('\r\n'),
  'a: &a [1, 2]\nb: &b [*a, *a, *a]\nc: [*b, *b]\nservices: {x: {image: "y", command: [*a]}}\n',
  'services:\n\tweb:\n    image: "unterminated\n  db: {image: [}\n---\nservices: {}\n',
];

const engine = engineFor({ rules: [...composeRules, inlineCredential] });
const COMPOSE_PATH = '/project/docker-compose.yml';
const workspace = memoryWorkspace({ '/project/.env': 'DB_USER=app\nFLOWFILE_MASTER_KEY=k\n', '/project/other.yaml': 'services: {o: {image: x}}\n' });
const within = (span: { start: number; end: number }, length: number) => span.start >= 0 && span.start <= span.end && span.end <= length;

test(`mutated compose files never throw and every span lies inside the text (${RUNS} cases)`, () => {
  fc.assert(
    fc.property(fc.constantFrom(...SEEDS), fc.array(yamlMutation, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
      const text = mutate(seed, mutations);
      const file = parseCompose(text);
      for (const item of [...file.errors, ...file.warnings, ...file.comments]) assert.ok(within(item.span, text.length), 'parser span outside the text');
      const result = engine.check({ uri: pathToUri(COMPOSE_PATH), text, kind: 'compose' }, workspace);
      const lines = new LineIndex(text);
      const inText = (range: Range) => {
        const valid = (position: Range['start']) =>
          position.line < lines.lineCount && position.character <= lines.lineEnd(position.line) - lines.lineStart(position.line);
        return valid(range.start) && valid(range.end) && lines.offsetAt(range.start) <= lines.offsetAt(range.end);
      };
      for (const diagnostic of result.diagnostics) {
        assert.notEqual(diagnostic.rule, 'deploy-doctor/internal-error', diagnostic.message);
        assert.ok(within(diagnostic.span, text.length), `${diagnostic.rule} span outside the text`);
        assert.ok(inText(diagnostic.range), `${diagnostic.rule} range outside the text`);
        for (const fix of diagnostic.fixes) {
          for (const change of fix.changes.filter((candidate) => candidate.uri === result.uri)) {
            for (const edit of change.edits) assert.ok(inText(edit.range), `${diagnostic.rule} fix edit outside the text`);
          }
        }
      }
    }),
    { numRuns: RUNS },
  );
});
