#!/usr/bin/env node
// CommonJS on purpose: a CommonJS entry point starts without Node's ES module loader.
require('../dist/cli/main.cjs');
