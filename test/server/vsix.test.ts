import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';

const MAX_BYTES = 1.5 * 1024 * 1024;

test('npm run package builds a VSIX under 1.5 MB with the bundles, manifest, README, license and docs, and no node_modules', { timeout: 180_000 }, () => {
  const folder = mkdtempSync(join(tmpdir(), 'dd-vsix-'));
  try {
    const vsix = join(folder, 'deploy-doctor.vsix');
    const result = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    const size = statSync(vsix).size;
    assert.ok(size < MAX_BYTES, `${size} bytes`);

    const entries = zipEntries(readFileSync(vsix));
    const names = entries.map((entry) => entry.name);
    for (const required of ['extension/package.json', 'extension/readme.md', 'extension/LICENSE.txt', 'extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/cli.js', 'extension/dist/nginx-reference.js', 'extension/dist/nginx-reference.json', 'extension/dist/compose-validators.js', 'extension/dist/deploy-doctor.schema.json']) {
      assert.ok(names.includes(required), `${required} in ${names.join(', ')}`);
    }
    assert.ok(names.some((name) => /^extension\/docs\/rules\/.+\.md$/.test(name)), 'rule docs');
    const configurations = names.filter((name) => name.startsWith('extension/languages/'));
    assert.ok(configurations.length > 0, 'language configurations');
    assert.deepEqual(names.filter((name) => /node_modules|\.map$|\/(server|client|test|scripts)\/src\//.test(name) || name.endsWith('.ts')), []);

    // The packed manifest points at files the package holds, and the bundles are minified.
    const manifest = JSON.parse(entries.find((entry) => entry.name === 'extension/package.json')!.text()) as {
      main: string;
      contributes: { languages: { configuration: string }[]; snippets?: { path: string }[]; jsonValidation: { url: string }[]; yamlValidation: { url: string }[] };
    };
    const packed = new Set(names);
    const { contributes } = manifest;
    // The config file's JSON Schema, for VS Code's JSON support and Red Hat's YAML extension.
    const schemas = [...contributes.jsonValidation, ...contributes.yamlValidation].map((validation) => validation.url);
    assert.equal(schemas.length, 2);
    for (const path of [manifest.main, ...contributes.languages.map((language) => language.configuration), ...(contributes.snippets ?? []).map((snippet) => snippet.path), ...schemas]) {
      assert.ok(packed.has(`extension/${path.replace(/^\.\//, '')}`), `${path} is packed`);
    }
    const server = entries.find((entry) => entry.name === 'extension/dist/server.js')!.text();
    assert.ok(!server.includes('sourceMappingURL'), 'no source maps in the package');
    // One character outside ASCII makes V8 hold the whole bundle's source as two-byte text: 3 MB
    // more resident memory in the server and the CLI (a literal `…` in a regex did this).
    // What Node parses before the first check, and so start-up time and memory. The budgets have
    // room to grow; crossing one means something large came in (`import { z } from 'zod'`, for
    // one, brings every zod locale: `import * as z` lets the bundler drop what is unused).
    for (const [bundle, budget] of [['server', 1.2], ['cli', 1.0]] as const) {
      const size = entries.find((entry) => entry.name === `extension/dist/${bundle}.js`)!.text().length;
      assert.ok(size < budget * 1024 * 1024, `${bundle}.js is ${(size / (1024 * 1024)).toFixed(2)} MB, over its ${budget} MB budget`);
    }
    for (const bundle of ['server', 'cli', 'nginx-reference', 'compose-validators']) {
      const text = entries.find((entry) => entry.name === `extension/dist/${bundle}.js`)!.text();
      const offset = text.search(/[^\x00-\x7f]/);
      assert.equal(offset, -1, `${bundle}.js is not ASCII: ${JSON.stringify(text.slice(Math.max(0, offset - 40), offset + 10))}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

interface ZipEntry {
  readonly name: string;
  text(): string;
}

/** The entries of a zip file, read from its central directory. */
function zipEntries(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip file');
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(offset), 0x02014b50, 'central directory entry');
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({
      name,
      text: () => {
        const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(dataStart, dataStart + compressedSize);
        return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
      },
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
