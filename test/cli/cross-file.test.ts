import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { JWT_SECRET_ENV, PLACEHOLDER_FALLBACK_COMPOSE as COMPOSE } from './fixtures';
import { checkJson, workspace } from './run';

const fallbackReported = (cwd: string, args: readonly string[]) =>
  checkJson(args, { cwd }).diagnostics.some((d) => d.file === 'docker-compose.yml' && d.rule === 'secret/placeholder' && d.line === 5);

test('a compose file named alone still sees the .env beside it, even a gitignored one', () => {
  // Without a .env, the compose default (a published placeholder) is what the service gets.
  assert.equal(fallbackReported(workspace({ 'docker-compose.yml': COMPOSE }), ['docker-compose.yml']), true);
  const withEnv = workspace({
    'docker-compose.yml': COMPOSE,
    '.env': JWT_SECRET_ENV,
    '.gitignore': '.env\n',
  });
  assert.equal(fallbackReported(withEnv, ['docker-compose.yml']), false);
  assert.equal(fallbackReported(withEnv, ['.']), false);
});
