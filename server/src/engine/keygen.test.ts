import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { generateKey, isFernetKey, KEY_FORMATS, strongPassword } from './keygen';

test('base64 and hex keys carry 32 random bytes', () => {
  assert.equal(Buffer.from(generateKey('base64-32'), 'base64').length, 32);
  assert.match(generateKey('hex-32'), /^[0-9a-f]{64}$/);
  assert.match(generateKey('token-urlsafe-32'), /^[A-Za-z0-9_-]{43}$/);
});

test('a generated Fernet key is 44 characters and decodes to 32 bytes', () => {
  for (let i = 0; i < 200; i++) {
    const key = generateKey('fernet');
    assert.equal(key.length, 44);
    assert.ok(isFernetKey(key));
  }
});

test('isFernetKey rejects standard base64 and wrong lengths', () => {
  assert.equal(isFernetKey(Buffer.alloc(32, 0xfb).toString('base64')), false, 'uses + and /');
  assert.equal(isFernetKey(Buffer.alloc(24, 1).toString('base64url')), false);
  assert.equal(isFernetKey('your-generated-256-bit-key'), false);
});

test('passwords have lower, upper, digit and symbol, and are never the same', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 200; i++) {
    const password = strongPassword(20);
    assert.equal(password.length, 20);
    assert.match(password, /[a-z]/);
    assert.match(password, /[A-Z]/);
    assert.match(password, /[0-9]/);
    assert.match(password, /[^A-Za-z0-9]/);
    assert.doesNotMatch(password, /[#$'"`\s\\]/, 'needs no quoting in .env or YAML');
    seen.add(password);
  }
  assert.equal(seen.size, 200);
});

test('UUID v4 has the version and variant bits', () => {
  assert.match(generateKey('uuid-v4'), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('every listed format generates a fresh value of at least 20 characters', () => {
  for (const { format } of KEY_FORMATS) {
    const first = generateKey(format);
    assert.ok(first.length >= 20, format);
    assert.notEqual(generateKey(format), first, format);
  }
});
