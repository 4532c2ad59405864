/**
 * Small workspaces that make fire the rules the repository's fixtures and the corpus leave silent,
 * for the quoting property test (test/robustness/quoting-rules.test.ts) to rename their words.
 */
export interface RuleSeed {
  readonly name: string;
  /** Absolute path to text. */
  readonly files: Readonly<Record<string, string>>;
}

const NGINX = '/seed/nginx/nginx.conf';

export const RULE_SEEDS: readonly RuleSeed[] = [
  {
    name: 'env references, insecure URLs and .env.example drift',
    files: {
      '/seed/env/.env':
        'PORT=8080\nAPI_URL=http://${API_HOST}:${PORT}/v1\nA="first $MISSING then ${REQUIRED:?set it}"\nURL=postgres://${HOST/app\nB=x${NAME!}y\n' +
        'OAUTH_REDIRECT_URI=http://api.example.com/cb\nAPP_JWKS_URI="http://id.example.com/jwks.json"\nEXTRA_FLAG=true\n',
      '/seed/env/.env.example': 'PORT=8080\nLOG_LEVEL=info\nAPI_URL=\n',
    },
  },
  {
    name: 'compose ports and container names',
    files: {
      '/seed/compose/docker-compose.yml':
        'services:\n  web:\n    image: nginx:1.27\n    container_name: app\n    ports:\n      - "8080:80"\n' +
        '  api:\n    image: api:1\n    container_name: "app"\n    ports:\n      - 8080:3000\n    environment:\n      - FLYDESK_OIDC_REDIRECT_URI=http://desk.example.com/auth/callback\n',
    },
  },
  {
    name: 'nginx server checks',
    files: {
      [NGINX]:
        'worker_processes auto;\nworker_processes 4;\nevents {}\nhttp {\n    ssl_protocols TLSv1 TLSv1.1 TLSv1.2;\n' +
        "    ssl_ciphers 'ECDHE-RSA-AES128-GCM-SHA256:RC4-MD5:DES-CBC3-SHA';\n" +
        '    server {\n        listen 80;\n' +
        '        location /api/ {\n            proxy_buffering off;\n            proxy_pass http://app:8000;\n            proxy_buffering off;\n        }\n' +
        '        location /files {\n            alias /data/;\n        }\n' +
        '        location /proxy/ {\n            proxy_pass http://$http_x_backend/api;\n        }\n' +
        '        location /go/ {\n            add_header X-Path $uri;\n        }\n' +
        '        location ~ ^/jump/(.*)$ {\n            return 302 https://example.com/$1;\n        }\n' +
        '        location /downloads/ {\n            root /srv;\n            autoindex on;\n        }\n' +
        '        location /images/ {\n            valid_referers none blocked server_names *.example.com;\n            if ($invalid_referer) {\n                return 403;\n            }\n        }\n' +
        '        location /admin/ {\n            allow 192.168.1.0/24;\n            root /srv;\n        }\n' +
        '        location /host/ {\n            proxy_set_header Host $http_host;\n            proxy_pass http://backend;\n        }\n' +
        '        location / {\n            add_header Content-Security-Policy "default-src \'self\';\n                script-src \'self\'" always;\n            return 204;\n        }\n' +
        '    }\n}\n',
    },
  },
];
