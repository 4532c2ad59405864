#!/usr/bin/env node
// The language server for editors other than VS Code: `deploy-doctor-language-server --stdio`.
// The bundle picks its transport from argv (vscode-languageserver); stdio is the default here.
'use strict';
const TRANSPORTS = ['--stdio', '--node-ipc'];
if (!process.argv.some((arg) => TRANSPORTS.includes(arg) || arg.startsWith('--socket=') || arg.startsWith('--pipe='))) process.argv.push('--stdio');
require('../dist/server.js');
