#!/usr/bin/env node
// CommonJS on purpose (bin/package.json says so): a CommonJS entry point starts without Node's
// ES module loader.
require('../dist/cli/main.cjs');
