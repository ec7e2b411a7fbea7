#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled TypeScript in dist/ (built by npm ci through the prepare script).
require('../dist/cli/main.js').runCli(process.argv.slice(2));
