import { test } from 'node:test';
import { strict as assert } from 'node:assert';
import { checkText, findingsOf, textOf } from '../../testing';

const RULE = 'compose/duplicate-port';

const check = (text: string) => findingsOf(checkText(text, { kind: 'compose' }), RULE);

test('the same host port published by two services is reported at the second, pointing at the first', () => {
  const text = 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n  api:\n    image: api:1\n    ports:\n      - 8080:3000\n';
  const [finding, ...rest] = check(text);
  assert.equal(rest.length, 0);
  assert.equal(textOf(text, finding!), '8080:3000');
  assert.match(finding!.message, /^Host port 8080\/tcp is already published: services `web` and `api` both publish it\. Compose fails at `up` with "port is already allocated"/);
  assert.equal(finding!.severity, 'error');
  assert.equal(finding!.related.length, 1);
  assert.equal(finding!.related[0]!.range.start.line, 4);
});

test('all interfaces clash with a specific address; two different addresses do not', () => {
  const clash = 'services:\n  a:\n    image: a:1\n    ports: ["0.0.0.0:5000:5000"]\n  b:\n    image: b:1\n    ports: ["127.0.0.1:5000:5000"]\n';
  assert.equal(check(clash).length, 1);
  const apart = 'services:\n  a:\n    image: a:1\n    ports: ["127.0.0.1:5000:5000"]\n  b:\n    image: b:1\n    ports: ["192.168.1.10:5000:5000"]\n';
  assert.deepEqual(check(apart), []);
  const ipv6 = 'services:\n  a:\n    image: a:1\n    ports: ["[::1]:5000:5000"]\n  b:\n    image: b:1\n    ports: ["::1:5000:5000"]\n';
  // `::1:5000:5000` is not a valid short form; only the bracketed one is read, so no clash is claimed.
  assert.deepEqual(check(ipv6), []);
});

test('tcp and udp on one port do not clash; the protocol is compared case-insensitively', () => {
  const text = 'services:\n  dns:\n    image: dns:1\n    ports: ["53:53/udp", "53:53/tcp"]\n  other:\n    image: o:1\n    ports: ["53:5353/UDP"]\n';
  const findings = check(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['"53:5353/UDP"']);
  assert.match(findings[0]!.message, /Host port 53\/udp/);
});

test('long syntax and short syntax are compared, and ranges overlap', () => {
  const text = [
    'services:',
    '  a:',
    '    image: a:1',
    '    ports:',
    '      - target: 80',
    '        published: "9000"',
    '        host_ip: 127.0.0.1',
    '  b:',
    '    image: b:1',
    '    ports:',
    '      - "8995-9005:8995-9005"',
    '',
  ].join('\n');
  const [finding] = check(text);
  assert.equal(textOf(text, finding!), '"8995-9005:8995-9005"');
  assert.match(finding!.message, /^Host port 9000\/tcp is already published/);
});

test('a service publishing one host port twice is reported', () => {
  const text = 'services:\n  web:\n    image: w:1\n    ports:\n      - "80:80"\n      - "80:8080"\n';
  const [finding] = check(text);
  assert.match(finding!.message, /service `web` publishes it twice/);
});

test('ports Docker chooses, variable ports and host ranges for one container port are not compared', () => {
  const text = [
    'services:',
    '  a:',
    '    image: a:1',
    '    ports: ["80", "${WEB_PORT:-8080}:80", "9000-9010:80", {target: 443}]',
    '  b:',
    '    image: b:1',
    '    ports: ["80", "${WEB_PORT:-8080}:80", "9000-9010:80", {target: 443}]',
    '',
  ].join('\n');
  assert.deepEqual(check(text), []);
});

test('services in disjoint profiles never run together; one without profiles runs with every profile', () => {
  const disjoint = 'services:\n  a:\n    image: a:1\n    profiles: [debug]\n    ports: ["80:80"]\n  b:\n    image: b:1\n    profiles: [prod]\n    ports: ["80:80"]\n';
  assert.deepEqual(check(disjoint), []);
  const shared = 'services:\n  a:\n    image: a:1\n    ports: ["80:80"]\n  b:\n    image: b:1\n    profiles: [debug]\n    ports: ["80:80"]\n';
  assert.equal(check(shared).length, 1);
});

test('a fixed host port on a service with several replicas is reported', () => {
  const text = 'services:\n  web:\n    image: w:1\n    deploy:\n      replicas: 3\n    ports: ["8080:80", "80"]\n';
  const findings = check(text);
  assert.deepEqual(findings.map((finding) => textOf(text, finding)), ['"8080:80"']);
  assert.match(findings[0]!.message, /^Service `web` runs 3 replicas but publishes the fixed host port 8080\/tcp/);
});
