/**
 * Realistic configuration files of any length, for the benchmark and the robustness tests: each
 * looks like what a deployment really has (products' keys, services with healthchecks and
 * variables, proxied locations), with a few findings sprinkled in so rules do real work. The
 * output is deterministic: the same kind and length always give the same text, of exactly
 * `lines` lines (each ending in `\n`).
 */
import type { FileKind } from '../../server/src/engine';

export const GENERATED_NAMES: Readonly<Record<FileKind, string>> = {
  env: '.env',
  toml: 'config.toml',
  compose: 'docker-compose.yml',
  nginx: 'nginx.conf',
};

export function generate(kind: FileKind, lines: number): string {
  switch (kind) {
    case 'env':
      return generateEnv(lines);
    case 'toml':
      return generateToml(lines);
    case 'compose':
      return generateCompose(lines);
    case 'nginx':
      return generateNginx(lines);
  }
}

/** A deterministic hex string (not random: outputs must not change between runs). */
function hex(seed: number, length: number): string {
  let out = '';
  let state = (seed * 2654435761) >>> 0;
  while (out.length < length) {
    state = (state * 1103515245 + 12345) >>> 0;
    out += (state >>> 8).toString(16).padStart(6, '0');
  }
  return out.slice(0, length);
}

function uuid(seed: number): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Pads (with comment lines) or cuts `body` to exactly `lines` lines, keeping `tail` at the end. */
function exactly(lines: number, body: string[], tail: string[] = [], comment = '#'): string {
  const room = Math.max(0, lines - tail.length);
  const kept = body.slice(0, room);
  while (kept.length < room) kept.push(`${comment} padding line ${kept.length}`);
  return [...kept, ...tail].slice(0, lines).join('\n') + '\n';
}

function generateEnv(lines: number): string {
  const body = [
    '# Firefly Desk — production settings',
    'FLYDESK_DEV_MODE=false',
    'FLYDESK_DATABASE_URL=postgresql+asyncpg://flydesk_user:${DB_PASSWORD}@db:5432/flydesk',
    'FLYDESK_REDIS_URL=redis://redis:6379/0',
    `DB_PASSWORD=${hex(1, 24)}`,
    `FLYDESK_CREDENTIAL_ENCRYPTION_KEY=6RJFwXAeweRlIUJ58j1a_yrJZvNc0p19xk7Lpzp_uek=`,
    `FLYDESK_JWT_SECRET_KEY=${hex(2, 64)}`,
    'FLYDESK_CORS_ORIGINS=["https://desk.example.com"]',
    'FLYDESK_OIDC_ISSUER_URL=https://keycloak.example.com/realms/operations',
    'FLYDESK_OIDC_CLIENT_ID=firefly-desk',
    'FLYDESK_OIDC_CLIENT_SECRET=your-client-secret',
    'FLYDESK_OIDC_REDIRECT_URI=https://desk.example.com/auth/callback',
    'FLYDESK_OIDC_PROVIDER_TYPE=keycloak',
    'FLYDESK_FILE_STORAGE_PATH=/data/uploads',
    '',
  ];
  for (let i = 0; body.length < lines; i++) {
    body.push(
      `# Service ${i}`,
      `SERVICE_${i}_URL=https://svc${i}.example.com/api/v1`,
      `SERVICE_${i}_TIMEOUT=${10 + (i % 50)}`,
      `SERVICE_${i}_ENABLED=${i % 3 === 0 ? 'false' : 'true'}`,
      `SERVICE_${i}_NAME="Service number ${i}"`,
      `SERVICE_${i}_DSN=postgres://app:\${DB_PASSWORD}@db:5432/svc${i}`,
      i % 10 === 7 ? `service_${i}_token = ${hex(i, 16)}` : `SERVICE_${i}_TOKEN=${hex(i, 40)}`,
      i % 25 === 3 ? `SERVICE_${i - 1}_TIMEOUT=${i} # overridden` : `SERVICE_${i}_LABEL='team ${i % 7}'`,
      '',
    );
  }
  return exactly(lines, body);
}

function generateToml(lines: number): string {
  const body = [
    '# Flovyn Server — self-hosted configuration',
    '[database]',
    'url = "postgres://flovyn@db.internal:5432/flovyn"',
    'max_connections = 20',
    '',
    '[server]',
    'http_port = 8000',
    'grpc_port = 9090',
    '',
    '[auth]',
    'enabled = true',
    '',
    '[auth.better_auth_jwt]',
    'jwks_uri = "https://app.acme.example/.well-known/jwks.json"',
    'issuer = "https://app.acme.example"',
    'audience = "flovyn-server"',
    '',
    '[auth.endpoints.http]',
    'authenticators = ["better_auth_jwt"]',
    'authorizer = "cedar"',
    'exclude_paths = ["/_/health", "/api/docs", "/api/docs/openapi.json"]',
    '',
  ];
  for (let i = 0; body.length < lines; i++) {
    body.push(
      i % 20 === 0 ? `# Organizations, batch ${i / 20}` : `# Organization ${i}`,
      '[[orgs]]',
      `id = "${uuid(i + 1)}"`,
      `name = "Organization ${i}"`,
      `slug = "org-${i}"`,
      '',
    );
  }
  return exactly(lines, body);
}

function generateCompose(lines: number): string {
  const head = [
    '# deploy-doctor mode=production',
    'name: generated',
    'services:',
    '  db:',
    '    image: postgres:16',
    '    environment:',
    '      POSTGRES_USER: app',
    '      POSTGRES_PASSWORD: ${DB_PASSWORD}',
    '    volumes:',
    '      - pgdata:/var/lib/postgresql/data',
    '    healthcheck:',
    '      test: ["CMD-SHELL", "pg_isready -U app"]',
    '      interval: 10s',
    '  redis:',
    '    image: redis:7',
    '    ports:',
    '      - "6379:6379"',
  ];
  const serviceLines = 19;
  const fixedTail = 6;
  const services = Math.max(1, Math.floor((lines - head.length - fixedTail) / (serviceLines + 1)));
  const body = [...head];
  for (let i = 0; i < services; i++) {
    body.push(
      `  svc${i}:`,
      `    image: ghcr.io/example/svc${i}:1.${i % 40}.0`,
      '    restart: unless-stopped',
      '    depends_on:',
      i % 15 === 4 ? '      redis:' : '      db:',
      '        condition: service_healthy',
      '    environment:',
      `      SERVICE_NAME: svc${i}`,
      `      DATABASE_URL: postgres://app:\${DB_PASSWORD}@db:5432/svc${i}`,
      i % 12 === 5 ? `      API_TOKEN: \${SVC${i}_TOKEN}` : '      LOG_LEVEL: ${LOG_LEVEL:-info}',
      '    ports:',
      `      - "127.0.0.1:${10000 + i}:8080"`,
      '    volumes:',
      `      - svc${i}-data:/data`,
      '    networks:',
      i % 30 === 9 ? '      - frontend' : '      - backend',
      '    healthcheck:',
      '      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]',
      '      interval: 10s',
    );
  }
  const tail = ['networks:', '  backend:', 'volumes:', '  pgdata:'];
  for (let i = 0; i < services; i++) tail.push(`  svc${i}-data:`);
  tail.push('# end');
  return exactly(lines, body, tail);
}

function generateNginx(lines: number): string {
  const head = ['worker_processes auto;', 'events {', '    worker_connections 1024;', '}', 'http {', '    default_type application/octet-stream;', '    sendfile on;', '    upstream app {', '        server 127.0.0.1:8000;', '    }'];
  const body = [...head];
  const tail = ['}'];
  let server = 0;
  const locationLines = 8;
  for (let i = 0; ; i++) {
    if (i % 40 === 0) {
      if (i > 0) body.push('    }');
      if (body.length + 6 + locationLines + 1 + tail.length > lines) break;
      body.push('    server {', `        listen ${8000 + server};`, `        server_name site${server}.example.com;`, '        client_max_body_size 20m;', '        add_header X-Frame-Options DENY;');
      server++;
    }
    if (body.length + locationLines + 1 + tail.length > lines) {
      body.push('    }');
      break;
    }
    body.push(
      `        # route ${i}`,
      `        location /api${i}/ {`,
      '            proxy_pass http://app;',
      '            proxy_set_header Host $host;',
      '            proxy_set_header X-Real-IP $remote_addr;',
      i % 9 === 4 ? `            proxy_read_timeout ${30 + (i % 60)}s;` : '            proxy_http_version 1.1;',
      i % 17 === 3 ? '            add_header Cache-Control "no-store";' : '            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
      '        }',
    );
  }
  return exactly(lines, body, tail);
}
