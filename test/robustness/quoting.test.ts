import { strict as assert } from 'node:assert';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { Engine, pathToUri, type FileKind } from '../../server/src/engine';
import { MAX_QUOTED_CHARS, quoteToken } from '../../server/src/engine/quote';
import { checkJson, runCli, workspace } from '../cli/run';
import { pathFor } from './inputs';
import { workspaceOf } from './invariants';

/*
 * A message quotes at most a short, escaped token of a file's text: 2 kB of garbage as a line, a
 * key, a value or a quoted string, in every kind, gives messages of bounded length in which no
 * 100-character run of the garbage appears, in the engine and in every CLI output.
 */
const MAX_MESSAGE = 400;
const RUN = 100;
const engine = new Engine();

/** 2,000 deterministic characters (a seeded generator) drawn from `alphabet`. */
function garbage(alphabet: string, seed: number): string {
  let state = seed;
  let out = '';
  for (let index = 0; index < 2_000; index++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

const PRINTABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!%&()*+,-./:<>?@[]^_|~';
const LINE = garbage(PRINTABLE, 1);
const UPPER_KEY = garbage('ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 2);
const LOWER_KEY = garbage('abcdefghijklmnopqrstuvwxyz_', 3);
const VALUE = garbage('abcdefghijklmnopqrstuvwxyz0123456789%&*+-./:<>?@^_|~', 4);
const WITH_CONTROLS = garbage('abcdefghijklmnop\u0001\u0007\u001b\u007f\u0085', 5);

interface QuotingCase {
  readonly name: string;
  readonly kind: FileKind;
  readonly text: string;
  readonly garbage: string;
  /** Files beside the checked one (by name), e.g. a `.env.example`. */
  readonly beside?: Readonly<Record<string, string>>;
}

const cases: readonly QuotingCase[] = [
  { name: 'a garbage line', kind: 'env', text: `NODE_ENV=production\n${LINE}\n`, garbage: LINE },
  { name: 'a 2 kB key', kind: 'env', text: `FLYDESK_${UPPER_KEY}=1\n${UPPER_KEY}=1\n${UPPER_KEY}=2\n`, garbage: UPPER_KEY },
  { name: 'a 2 kB key with a product prefix', kind: 'env', text: `FLYDESK_DEV_MODE=false\nFLYDESK_${UPPER_KEY}=1\n`, garbage: UPPER_KEY },
  { name: 'a 2 kB value', kind: 'env', text: `FLYDESK_DEV_MODE=${VALUE}\nFLYDESK_CORS_ORIGINS=${VALUE}\nPORT=${VALUE}\nDATABASE_URL=${VALUE}\n`, garbage: VALUE },
  { name: 'a 2 kB quoted string', kind: 'env', text: `FLYDESK_DEV_MODE="${VALUE}"\nA="${VALUE}\n`, garbage: VALUE },
  { name: 'control characters', kind: 'env', text: `${WITH_CONTROLS}\nA=${WITH_CONTROLS}\n`, garbage: WITH_CONTROLS },
  { name: 'a 2 kB key in a bad format', kind: 'env', text: `${LOWER_KEY}-a=1\n  ${UPPER_KEY}=1\n${UPPER_KEY}_B: 1\n${UPPER_KEY}_C = 1\n`, garbage: LOWER_KEY + UPPER_KEY },
  { name: 'a 2 kB secret key, weak and a placeholder', kind: 'env', text: `${UPPER_KEY}_SECRET=aaaaaaaaaaaaaaaa\n${UPPER_KEY}_PASSWORD=changeme\n`, garbage: UPPER_KEY },
  { name: 'a 2 kB key missing from .env and one missing from .env.example', kind: 'env', text: `A=1\n${UPPER_KEY}_OWN=1\n`, garbage: UPPER_KEY, beside: { '.env.example': `A=\n${UPPER_KEY}=\n` } },
  { name: 'a 2 kB key with a malformed value', kind: 'env', text: `${UPPER_KEY}_A=a b\n${UPPER_KEY}_B=$(id)\n${UPPER_KEY}_C="x" y\n${UPPER_KEY}_D=x#y\n${UPPER_KEY}_E=\${NOPE}\n${UPPER_KEY}_F=\${OPEN\n${UPPER_KEY}_G=x"\n`, garbage: UPPER_KEY },
  { name: 'a garbage line', kind: 'toml', text: `[server]\nhttp_port = 8000\n${LINE}\n`, garbage: LINE },
  { name: 'a garbage value', kind: 'toml', text: `[server]\nhttp_port = ${LINE}\n`, garbage: LINE },
  { name: 'a 2 kB key', kind: 'toml', text: `[server]\nhttp_port = 8000\n${LOWER_KEY} = 1\n${LOWER_KEY} = 2\n[${LOWER_KEY}]\n[${LOWER_KEY}]\n`, garbage: LOWER_KEY },
  { name: 'a 2 kB value', kind: 'toml', text: `[server]\nhttp_port = "${VALUE}"\n[database]\nurl = "${VALUE}"\nx = ${VALUE}\n`, garbage: VALUE },
  { name: 'a 2 kB quoted string', kind: 'toml', text: `[server]\nhttp_port = 8000\nname = "${VALUE}\nother = '${VALUE}\n`, garbage: VALUE },
  { name: 'a 2 kB key without a value', kind: 'toml', text: `[server]\nhttp_port = 8000\n${LOWER_KEY}\n${LOWER_KEY}x = 1979-13-45\n`, garbage: LOWER_KEY },
  { name: 'control characters', kind: 'toml', text: `[server]\nhttp_port = 8000\n${WITH_CONTROLS}\nname = "${WITH_CONTROLS}"\n`, garbage: WITH_CONTROLS },
  { name: 'a garbage line', kind: 'compose', text: `services:\n  app:\n    image: nginx:1.27\n${LINE}\n`, garbage: LINE },
  { name: 'a garbage line in a mapping', kind: 'compose', text: `services:\n  app:\n    image: nginx:1.27\n    ${LINE}: [\n`, garbage: LINE },
  { name: 'a 2 kB key', kind: 'compose', text: `services:\n  app:\n    image: nginx:1.27\n    ${LOWER_KEY}: 1\n    ${LOWER_KEY}: 2\n${LOWER_KEY}: 1\n`, garbage: LOWER_KEY },
  { name: 'a 2 kB value', kind: 'compose', text: `services:\n  app:\n    image: ${VALUE}\n    restart: ${VALUE}\n    ports:\n      - ${VALUE}\n    depends_on: [${VALUE}]\n    environment:\n      PORT: $\{${VALUE}\n`, garbage: VALUE },
  { name: 'a 2 kB quoted string', kind: 'compose', text: `services:\n  app:\n    image: "${VALUE}\n    restart: "${VALUE}"\n`, garbage: VALUE },
  { name: 'a 2 kB tag and directive', kind: 'compose', text: `%${LOWER_KEY} x\n---\nservices:\n  app:\n    image: !${LOWER_KEY} nginx\n    command: "\\${LOWER_KEY}"\n`, garbage: LOWER_KEY },
  { name: 'control characters', kind: 'compose', text: `services:\n  app:\n    image: "${WITH_CONTROLS}"\n${WITH_CONTROLS}\n`, garbage: WITH_CONTROLS },
  { name: 'a garbage line', kind: 'nginx', text: `events {}\nhttp {\n${LINE}\n}\n`, garbage: LINE },
  { name: 'a 2 kB directive name', kind: 'nginx', text: `events {}\nhttp {\n    ${LOWER_KEY} on;\n    ${LOWER_KEY} {\n    }\n}\n`, garbage: LOWER_KEY },
  { name: 'a 2 kB argument', kind: 'nginx', text: `events {}\nhttp {\n    proxy_buffering ${VALUE};\n    server { listen ${VALUE}; return ${VALUE}; }\n    keepalive_timeout ${VALUE};\n}\n`, garbage: VALUE },
  { name: 'a 2 kB quoted string', kind: 'nginx', text: `events {}\nhttp {\n    add_header X "${VALUE}" ${VALUE};\n    root "${VALUE}\n}\n`, garbage: VALUE },
  { name: 'control characters', kind: 'nginx', text: `events {}\nhttp {\n    ${WITH_CONTROLS}\n    add_header X "${WITH_CONTROLS}";\n}\n`, garbage: WITH_CONTROLS },
];

/** The first 100-character run of `garbage` found in `message`, if any. */
function quotedRun(message: string, text: string): string | undefined {
  for (let index = 0; index + RUN <= message.length; index++) {
    const run = message.slice(index, index + RUN);
    if (text.includes(run)) return run;
  }
  return undefined;
}

function assertBounded(messages: readonly string[], text: string, label: string, max = MAX_MESSAGE): void {
  for (const message of messages) {
    assert.ok(message.length < max, `${label}: a message of ${message.length} chars: ${message.slice(0, 300)}…`);
    const run = quotedRun(message, text);
    assert.equal(run, undefined, `${label}: quotes a run of the garbage: ${message.slice(0, 300)}`);
  }
}

test('quoteToken escapes control and bidi characters and never returns more than max characters', () => {
  assert.equal(quoteToken('server'), 'server');
  assert.equal(quoteToken('a\nb\tc\u0007\u2028'), 'a\\nb\\tc\\u0007\\u2028');
  // Bidi controls would reorder the rest of the message as the editor shows it.
  assert.equal(quoteToken('a\u202eb\u2066c\u200fd'), 'a\\u202eb\\u2066c\\u200fd');
  assert.equal(quoteToken('x'.repeat(2_000)), `${'x'.repeat(MAX_QUOTED_CHARS - 1)}…`);
  assert.equal(quoteToken('x'.repeat(MAX_QUOTED_CHARS)), 'x'.repeat(MAX_QUOTED_CHARS));
  assert.equal(quoteToken('\u0001'.repeat(30), 20).length, 20);
  assert.equal(quoteToken('abcdef', 4), 'abc…');
  for (const text of [LINE, WITH_CONTROLS, '😀'.repeat(100)]) assert.ok(quoteToken(text).length <= MAX_QUOTED_CHARS);
});

for (const quoting of cases) {
  test(`${quoting.kind}: ${quoting.name} gives bounded messages that quote no run of it`, () => {
    const path = pathFor(quoting.kind);
    const beside = Object.fromEntries(Object.entries(quoting.beside ?? {}).map(([name, text]) => [join(dirname(path), name), text]));
    const result = engine.check({ uri: pathToUri(path), text: quoting.text, kind: quoting.kind }, workspaceOf(beside));
    assert.ok(result.diagnostics.length > 0, 'the garbage is reported');
    const messages = result.diagnostics.flatMap((diagnostic) => [
      diagnostic.message,
      ...diagnostic.related.map((related) => related.message),
      ...diagnostic.fixes.map((fix) => fix.title),
    ]);
    assertBounded(messages, quoting.garbage, `${quoting.kind} ${quoting.name}`);
  });
}

test('the CLI text, json and sarif outputs quote no run of the garbage', () => {
  const files: Record<string, string> = {};
  const garbageOf = new Map<string, string>();
  cases.forEach((quoting, index) => {
    const file = quoting.kind === 'nginx' ? `n${index}/nginx/nginx.conf` : quoting.kind === 'toml' ? `t${index}/config.toml` : quoting.kind === 'compose' ? `c${index}/docker-compose.yml` : `e${index}/.env`;
    files[file] = quoting.text;
    for (const [name, text] of Object.entries(quoting.beside ?? {})) files[join(dirname(file), name)] = text;
    garbageOf.set(file, quoting.garbage);
  });
  const cwd = workspace(files);
  const json = checkJson(['.'], { cwd });
  assert.equal(json.status, 1, json.stderr);
  for (const [file, text] of garbageOf) {
    const found = json.diagnostics.filter((diagnostic) => diagnostic.file === file);
    assert.ok(found.length > 0, `${file} is reported`);
    assertBounded(found.map((diagnostic) => diagnostic.message), text, `json ${file}`);
  }
  for (const format of ['text', 'sarif'] as const) {
    const run = runCli(['check', '--format', format, '.'], { cwd });
    assert.equal(run.status, 1, run.stderr);
    const lines = format === 'text' ? run.stdout.split('\n') : (JSON.parse(run.stdout) as { runs: { results: { message: { text: string } }[] }[] }).runs[0]!.results.map((result) => result.message.text);
    // A text line adds the position, severity and rule id to the message.
    for (const text of garbageOf.values()) assertBounded(lines, text, format, format === 'text' ? MAX_MESSAGE + 80 : MAX_MESSAGE);
  }
});
