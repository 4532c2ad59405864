import { products } from '../../schemas';
import type { ProductDefinition, SettingSpec } from '../../schemas/types';
import { seeded } from '../seeded';

/**
 * Generated inputs for the every-fix test: for each product's settings, the values a user gets
 * wrong (wrong type, out of range, a bad enum, a weak or placeholder secret, a wildcard origin, a
 * development switch) written into the formats the setting is read from, with quoting, comments,
 * CRLF and BOM picked by a seeded generator so a run is reproducible.
 */
export interface GeneratedFile {
  /** What the file is, for failure messages. */
  readonly label: string;
  readonly path: string;
  readonly text: string;
  /** Other files of the workspace (the compose file's `.env`). */
  readonly files: Readonly<Record<string, string>>;
}


/** The wrong values a user writes for one setting. */
export function wrongValues(product: ProductDefinition, setting: SettingSpec): string[] {
  const values: string[] = [];
  switch (setting.type) {
    case 'integer':
    case 'number':
    case 'port':
      values.push('abc');
      if (setting.min !== undefined) values.push(String(setting.min - 1));
      if (setting.max !== undefined) values.push(String(setting.max + 1));
      if (setting.type === 'port') values.push('70000');
      break;
    case 'boolean':
      values.push('maybe', 'yes');
      break;
    case 'enum':
      values.push('not-an-option');
      if (setting.enum?.[0]) values.push(setting.enum[0].toUpperCase());
      break;
    case 'url':
      values.push('not a url', 'ftp://example.com/x');
      break;
    case 'path':
      values.push('relative/dir');
      break;
    case 'json-list':
      values.push('a,b', '["x"');
      break;
    case 'json-object':
      values.push('[1', 'x');
      break;
    case 'comma-list':
      values.push(' , ');
      break;
    case 'duration':
      values.push('10 parsecs');
      break;
    case 'size':
      values.push('big');
      break;
    case 'uuid':
      values.push('not-a-uuid');
      break;
    case 'slug':
      values.push('Not A Slug!');
      break;
    case 'host':
      values.push('bad host!');
      break;
    case 'socket-address':
      values.push('nohost');
      break;
    case 'email':
      values.push('nobody');
      break;
    default:
      break;
  }
  if (setting.pattern) values.push('?');
  if (setting.secret) {
    values.push('abc', 'changeme', 'password123');
    if (setting.placeholders?.[0]) values.push(setting.placeholders[0]);
    if (product.placeholders?.[0]) values.push(product.placeholders[0]);
  }
  if (setting.cors) values.push('*');
  if (setting.requiresTls) values.push('http://idp.example.com/realms/app');
  if (setting.production) {
    const development = setting.production.developmentValues?.[0] ?? (setting.production.value === 'false' ? 'true' : setting.production.value === 'true' ? 'false' : undefined);
    if (development) values.push(development);
  }
  if (setting.example !== undefined) values.push(setting.example);
  if (setting.default !== undefined) values.push(setting.default);
  return [...new Set(values)];
}

const pick = <T>(random: () => number, choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;

/** A line ending and BOM for one generated file. */
function layout(random: () => number): { eol: string; bom: string } {
  return { eol: random() < 0.3 ? '\r\n' : '\n', bom: random() < 0.1 ? '\uFEFF' : '' };
}

function envLine(key: string, value: string, random: () => number): string {
  // Quote only where the value lets the quote style read it back unchanged.
  const styles = ['bare', 'double', 'single'].filter((style) => (style === 'single' ? !value.includes("'") : style === 'double' ? !/["\\$]/.test(value) : !/[\s#"'\\$]/.test(value)));
  const style = styles.length > 0 ? pick(random, styles) : 'double';
  const quoted = style === 'double' ? `"${value.replace(/(["\\$])/g, '\\$1')}"` : style === 'single' ? `'${value}'` : value;
  const comment = style !== 'bare' && random() < 0.3 ? ' # keep this note' : '';
  return `${key}=${quoted}${comment}`;
}

function composeValue(value: string, random: () => number): string {
  if (value.includes('$')) return `'${value.replace(/\$/g, '$$$$').replace(/'/g, "''")}'`;
  const styles = /^[A-Za-z0-9_./-]+$/.test(value) && !/^(true|false|yes|no|on|off|null|~|[-+.\d].*)$/i.test(value) ? ['bare', 'double', 'single'] : ['double', 'single'];
  const style = pick(random, styles);
  if (style === 'bare') return value;
  if (style === 'single') return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

function tomlValue(setting: SettingSpec, value: string): string {
  const numeric = setting.type === 'integer' || setting.type === 'port' || setting.type === 'number';
  if (numeric && /^-?\d+$/.test(value)) return value;
  if (setting.type === 'boolean' && /^(true|false)$/.test(value)) return value;
  if (setting.type === 'list' && value.startsWith('[')) return value;
  return JSON.stringify(value);
}

function envFile(product: ProductDefinition, setting: SettingSpec, value: string, random: () => number): GeneratedFile {
  const { eol, bom } = layout(random);
  const lines = [`# deploy-doctor product=${product.id} mode=production`, '# generated', envLine(setting.key, value, random), ''];
  return { label: `${product.id} .env ${setting.key}`, path: '/project/.env', text: bom + lines.join(eol), files: {} };
}

function composeFile(product: ProductDefinition, setting: SettingSpec, value: string, random: () => number): GeneratedFile {
  const { eol, bom } = layout(random);
  const image = product.detect.images?.[0] ?? `example/${product.id}`;
  const entry = random() < 0.5 ? `      ${setting.key}: ${composeValue(value, random)}` : `      - ${setting.key}=${value.includes('$') ? value.replace(/\$/g, '$$$$') : value}`;
  const lines = [
    `# deploy-doctor product=${product.id} mode=production`,
    'services:',
    '  app:',
    `    image: ${image}:1.0.0`,
    '    environment: # settings',
    entry,
    '',
  ];
  return { label: `${product.id} compose ${setting.key}`, path: '/project/docker-compose.yml', text: bom + lines.join(eol), files: { '/project/.env': '' } };
}

function tomlFile(product: ProductDefinition, setting: SettingSpec, value: string, random: () => number): GeneratedFile {
  const { eol, bom } = layout(random);
  const parts = setting.key.split('.');
  const name = parts.pop()!;
  const lines = [`# deploy-doctor product=${product.id} mode=production`];
  if (parts.length > 0) lines.push(`[${parts.join('.')}]`);
  lines.push(`${name} = ${tomlValue(setting, value)} # note`, '');
  return { label: `${product.id} toml ${setting.key}`, path: '/project/config.toml', text: bom + lines.join(eol), files: {} };
}

/** One file per product setting, wrong value and format, deterministic for a seed. */
export function generatedFiles(seed = 20261207): GeneratedFile[] {
  const random = seeded(seed);
  const files: GeneratedFile[] = [];
  for (const product of products) {
    for (const setting of product.settings) {
      if (setting.keyPattern || setting.type === 'table' || setting.type === 'any') continue;
      for (const value of wrongValues(product, setting)) {
        if (setting.source === 'toml') {
          files.push(tomlFile(product, setting, value, random));
          continue;
        }
        files.push(envFile(product, setting, value, random));
        files.push(composeFile(product, setting, value, random));
      }
    }
  }
  return files;
}

/** Files of no product: the generic secret, CORS and quoting findings every deployment gets. */
export function genericFiles(): GeneratedFile[] {
  const env = [
    'SECRET_KEY=abc\nJWT_SECRET="changeme" # rotate\nCORS_ORIGINS=*\nDB_PASSWORD=\'password\'\n',
    'API_TOKEN=your-token-here\r\nSESSION_SECRET=\r\nexport ENCRYPTION_KEY=12345\r\n',
    'A=${B\nC=$(whoami)\nD="unterminated\nE=x y z\nexport F=1 # c\n',
    '\uFEFFAPP_SECRET=secret\nDATABASE_URL=postgres://user:password@db/app\nA=1\nA=2\nlower_key=x\n',
  ];
  const compose = [
    'services:\n  web:\n    image: nginx:latest\n    ports: ["5432:5432"]\n    environment:\n      JWT_SECRET: changeme\n      CORS_ORIGIN: "*"\n      DB_PASSWORD: ${DB_PASSWORD:-password}\n',
    'services:\n  a:\n    image: redis\n    container_name: same\n    ports: ["6379:6379"]\n  b:\n    image: redis:latest\n    container_name: same\n    ports: ["6379:6379"]\n    depends_on:\n      a: {condition: service_healthy}\n',
    'version: "3"\r\nservices:\r\n  db:\r\n    image: postgres\r\n    environment:\r\n      - POSTGRES_PASSWORD=postgres\r\n    ports:\r\n      - "0.0.0.0:5432:5432"\r\n',
  ];
  const nginx = [
    'server {\n    listen 80;\n    client_max_body_size 1m;\n    client_max_body_size 2m;\n    add_header X-Path $uri;\n    server_tokens on;\n    autoindex on; # listing\n    location /api/ {\n        proxy_pass http://backend;\n        proxy_set_header Host $http_host;\n    }\n    location /static {\n        alias /srv/static/;\n    }\n    location /ws/ {\n        proxy_pass http://backend;\n    }\n}\n',
    '\uFEFFhttp {\r\n    ssl_protocols TLSv1 TLSv1.2;\r\n    ssl_ciphers ALL;\r\n    map $uri $target {\r\n        /a 1;\r\n    }\r\n    server {\r\n        listen 443 ssl;\r\n        valid_referers none blocked example.com;\r\n        location / {\r\n            proxy_pass http://$arg_host;\r\n            return 302 https://example.com$uri;\r\n        }\r\n    }\r\n}\r\n',
  ];
  // One input per nginx rule whose fix the files above never reach, with the product or mode it needs.
  const nginxFixes = [
    {
      label: 'nginx: body-size raised and inserted (AgentIM, MAX_FILE_SIZE in .env)',
      text: '# deploy-doctor product=agentim mode=production\nserver {\n    listen 443 ssl;\n    server_name chat.example.com;\n    ssl_certificate /etc/ssl/chat.pem;\n    ssl_certificate_key /etc/ssl/chat.key;\n    client_max_body_size 12M; # uploads\n    location / {\n        proxy_pass http://agentim;\n    }\n    location /files/ {\n        client_max_body_size 2m;\n        proxy_pass http://agentim;\n    }\n}\nserver {\n    listen 8443 ssl;\n    server_name files.example.com;\n    ssl_certificate /etc/ssl/chat.pem;\n    ssl_certificate_key /etc/ssl/chat.key;\n\n    location / {\n        proxy_pass http://agentim;\n    }\n}\n',
      files: { '/project/.env': 'NODE_ENV=production\nMAX_FILE_SIZE=52428800\n' },
    },
    {
      label: 'nginx: tls redirect on a plain server beside a TLS one',
      text: '# deploy-doctor mode=production\r\nserver {\r\n    listen 80;\r\n    server_name app.example.com;\r\n    location / {\r\n        proxy_pass http://app;\r\n    }\r\n}\r\nserver {\r\n    listen 443 ssl;\r\n    server_name app.example.com;\r\n    ssl_certificate /etc/ssl/app.pem;\r\n    ssl_certificate_key /etc/ssl/app.key;\r\n    location / {\r\n        proxy_pass http://app;\r\n    }\r\n}\r\n',
      files: {},
    },
    {
      label: 'nginx: tls HSTS the FraiseQL guide requires',
      text: '# deploy-doctor product=fraiseql mode=production\nserver {\n    listen 443 ssl; # tls\n    server_name api.example.com;\n    ssl_certificate /etc/ssl/api.pem;\n    ssl_certificate_key /etc/ssl/api.key;\n    location / {\n        proxy_pass http://fraiseql:8000;\n    }\n}\n',
      files: {},
    },
    {
      label: 'nginx: http-splitting capture narrowed, a repeated directive, allow without deny, a multi-line header',
      text: 'server {\n    listen 80;\n    location ~ ^/go/(.*)$ {\n        return 302 https://example.com/$1;\n    }\n    location /api/ {\n        proxy_buffering off;\n        proxy_pass http://app:8000;\n        proxy_buffering off; # again\n    }\n    location /admin/ {\n        allow 10.0.0.0/8;\n        allow 192.168.0.0/16;\n        proxy_pass http://app:8000;\n    }\n    location /csp/ {\n        add_header Content-Security-Policy "default-src \'self\';\n            img-src \'self\' data:";\n        proxy_pass http://app:8000;\n    }\n}\n',
      files: {},
    },
  ];
  const withExample = { label: 'generic .env beside .env.example', path: '/project/.env', text: 'A=1\n# end\n', files: { '/project/.env.example': 'A=\nB=\n' } };
  const composeTypo = { label: 'generic compose typo', path: '/project/docker-compose.yml', text: 'services:\n  web:\n    imgae: nginx:1.27 # typo\n    restart: always\n', files: {} };
  return [
    withExample,
    composeTypo,
    ...nginx.map((text, index) => ({ label: `generic nginx ${index}`, path: '/project/nginx/nginx.conf', text, files: {} })),
    ...nginxFixes.map((input) => ({ ...input, path: '/project/nginx/conf.d/site.conf' })),
    ...env.map((text, index) => ({ label: `generic .env ${index}`, path: '/project/.env', text, files: {} })),
    ...compose.map((text, index) => ({ label: `generic compose ${index}`, path: '/project/docker-compose.yml', text, files: { '/project/.env': '' } })),
  ];
}
