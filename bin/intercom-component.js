#!/usr/bin/env node
'use strict';
// Thin launcher: the runner is compiled TypeScript in tools/dist (built by npm ci through the prepare script).
require('../tools/dist/cli/main.js').runCli(process.argv.slice(2));
