/**
 * Real inputs for the whole-engine property tests: every configuration file of the repository's
 * examples and fixtures, the shared corpus (when `../shared/corpus` is present), small generated
 * files, and inline seeds dense in each format's syntax. Each sample keeps a path of the kind its
 * file had, so product detection and cross-file rules see what they would in a real workspace.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { generate } from '../../scripts/bench/generate';
import { Engine, pathToUri, type FileKind } from '../../server/src/engine';

export interface Sample {
  /** Where the text came from, for failure messages. */
  readonly origin: string;
  /** Absolute path the engine sees (a typical name for the kind, in a fake project). */
  readonly path: string;
  readonly text: string;
}

const PATHS: Readonly<Record<FileKind, string>> = {
  env: '/project/.env',
  toml: '/project/config.toml',
  compose: '/project/docker-compose.yml',
  nginx: '/project/nginx/nginx.conf',
};

export const pathFor = (kind: FileKind) => PATHS[kind];

export const corpusRoot = () => path.join(process.cwd(), '..', 'shared', 'corpus');

/** Folders of the repository whose configuration files are seeds. */
const REPO_FOLDERS = ['examples', 'test/vscode/fixtures', 'test/nginx-agreement/fixtures', 'test/fixtures'];

const INLINE: Readonly<Record<FileKind, readonly string[]>> = {
  env: [
    '# deploy-doctor product=agentim mode=production\nNODE_ENV=production\nJWT_SECRET=changeme\nCORS_ORIGIN=*\nDATABASE_URL=postgresql://u:p@db:5432/x\n',
    'export A="multi\nline" # c\nB=\'x\\\'y\'\nC=`t`\nD: v\nE = ${A:-x} $(whoami)\n\ufeffF=1\r\nG="unterminated\n# deploy-doctor disable-next-line env/duplicate-key\nA=2\n',
    'FLYDESK_DEV_MODE=true\nFLYDESK_CORS_ORIGINS=*\nFLYDESK_OIDC_PROVIDER_TYPE=Microsoft\nFLYDESK_CREDENTIAL_ENCRYPTION_KEY=short\nFLYDESK_FILE_STORAGE_PATH=relative/path\n',
    'FLOWFILE_MASTER_KEY=\nFLOWFILE_ADMIN_PASSWORD=YourStrongPassword123\nJWT_SECRET_KEY=flowfile-dev-secret-change-in-production\n',
  ],
  toml: [
    '# deploy-doctor product=flovyn\n[database]\nurl = "postgres://flovyn:secret@db:5432/flovyn"\n[server]\nhttp_port = 8000\ngrpc_port = 8000\n[[orgs]]\nid = "not-a-uuid"\nslug = "Bad Slug"\n[[orgs]]\nid = "not-a-uuid"\n[auth]\nenabled = false\n[auth.endpoints.http]\nauthenticators = ["missing_section"]\n',
    'a = { b = { c = [1, 2, { d = "e" }] } }\n"quoted key" = \'\'\'\nmulti\'\'\'\n[x.y]\nz = 1979-05-27T07:32:00Z\nw = inf\n[[arr]]\n[[arr]]\nq = """\n"""\n',
    '[server]\nport = 99999\n[auth]\njwt_secret = "dev-secret-change-me"\n[cors]\nallowed_origins = ["*"]\n',
  ],
  compose: [
    'version: "3.8"\nservices:\n  app:\n    image: ghcr.io/example/app\n    env_file: missing.env\n    depends_on:\n      db: {condition: service_healthy}\n    environment:\n      JWT_SECRET: changeme\n      DB: ${UNDEFINED_VAR}\n    networks: [nowhere]\n  db:\n    image: postgres:16\n    ports: ["5432:5432"]\n',
    'x-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx\n    ports:\n      - target: 80\n        published: 8080\n    healthcheck: {test: ["CMD", "true"]}\n    secrets: [s]\nsecrets:\n  s: {file: ./s.txt}\n',
  ],
  nginx: [
    'events {}\nhttp {\n  limit_req_zone $binary_remote_addr zone=z:10m rate=1r/s;\n  server {\n    listen 80;\n    location /api/ { proxy_pass http://app; }\n    location /ws/ { proxy_pass http://app; }\n    location /events { proxy_buffering maybe; }\n    add_header Access-Control-Allow-Origin *;\n    @backend { }\n  }\n}\n',
    'server {\n  listen ${PORT};\n  server_name {{ .Env.HOST }};\n  client_max_body_size 1k;\n  location / {\n    content_by_lua_block { ngx.say("}") }\n    return 301 "https://$host$request_uri";\n  }\n  if ($x = "y") { return 403; }\n',
  ],
};

let cached: Record<FileKind, Sample[]> | undefined;

/** Every seed of each kind, by the engine's own kind detection of the file's name and content. */
export function samplesByKind(): Readonly<Record<FileKind, readonly Sample[]>> {
  if (cached) return cached;
  const engine = new Engine();
  const found: Record<FileKind, Sample[]> = { env: [], toml: [], compose: [], nginx: [] };
  const add = (origin: string, file: string) => {
    let text: string;
    try {
      if (statSync(file).size > 512 * 1024) return;
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    const kind = engine.kindOf(pathToUri(file), text);
    if (kind) found[kind].push({ origin, path: PATHS[kind], text });
  };
  const root = process.cwd();
  for (const folder of REPO_FOLDERS) for (const file of filesUnder(path.join(root, folder))) add(path.relative(root, file), file);
  const corpus = corpusRoot();
  for (const file of filesUnder(corpus)) add(`corpus/${path.relative(corpus, file)}`, file);
  for (const kind of Object.keys(found) as FileKind[]) {
    for (const [index, text] of INLINE[kind].entries()) found[kind].push({ origin: `inline ${kind} #${index}`, path: PATHS[kind], text });
    found[kind].push({ origin: `generated ${kind}, 60 lines`, path: PATHS[kind], text: generate(kind, 60) });
  }
  cached = found;
  return found;
}

/** Siblings the checked file can read: a `.env` for compose `${VAR}`s, an nginx include, an env_file. */
export const WORKSPACE_FILES: Readonly<Record<string, string>> = {
  '/project/.env': 'DB_PASSWORD=Q6zBcqSkyevgNww6TFBQn3Ug\nLOG_LEVEL=info\nFLOWFILE_MASTER_KEY=UZBtDkk5MEXgH2tWQud5h4uSf2zdCCFMxt4u0CZPduk=\n',
  '/project/app.env': 'APP_MODE=production\n',
  '/project/nginx/conf.d/proxy.conf': 'proxy_set_header Host $host;\nproxy_http_version 1.1;\n',
};

export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      if (name === 'node_modules' || name === '.git') continue;
      const file = path.join(current, name);
      const stats = statSync(file);
      if (stats.isDirectory()) walk(file);
      else if (stats.isFile()) found.push(file);
    }
  };
  walk(dir);
  return found.sort();
}
