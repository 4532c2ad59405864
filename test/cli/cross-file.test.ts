import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { checkJson, workspace } from './run';

const COMPOSE = [
  'services:',
  '  core:',
  '    image: edwardvaneechoud/flowfile-core:latest',
  '    environment:',
  '      JWT_SECRET_KEY: ${JWT_SECRET_KEY:-flowfile-dev-secret-change-in-production}',
  '',
].join('\n');

const fallbackReported = (cwd: string, args: readonly string[]) =>
  checkJson(args, { cwd }).diagnostics.some((d) => d.file === 'docker-compose.yml' && d.rule === 'secret/placeholder' && d.line === 5);

test('a compose file named alone still sees the .env beside it, even a gitignored one', () => {
  // Without a .env, the compose default (a published placeholder) is what the service gets.
  assert.equal(fallbackReported(workspace({ 'docker-compose.yml': COMPOSE }), ['docker-compose.yml']), true);
  const withEnv = workspace({
    'docker-compose.yml': COMPOSE,
    '.env': 'JWT_SECRET_KEY=0f5e2b8c9d7a4e1f3b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a\n',
    '.gitignore': '.env\n',
  });
  assert.equal(fallbackReported(withEnv, ['docker-compose.yml']), false);
  assert.equal(fallbackReported(withEnv, ['.']), false);
});
