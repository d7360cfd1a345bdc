#!/usr/bin/env node
// CommonJS on purpose (bin/package.json says so): a CommonJS entry point starts without Node's
// ES module loader.
// Written in syntax that old Node releases parse (var, no arrows; tried on Node 12), so that a Node
// older than btcfi runs on gets one line saying so, rather than a stack trace from the bundle.
'use strict';

var version = process.versions.node.split('.');
var major = Number(version[0]);
var minor = Number(version[1]);
// 20.19 for the release line btcfi is built and tested on; 22.3 where Node 22 got every API the
// bundle uses (process.getBuiltinModule came in 20.16 and 22.3; Node 21 never had it).
if (major < 20 || (major === 20 && minor < 19)) {
  fail('btcfi needs Node.js 20.19 or later');
} else if (major === 21 || (major === 22 && minor < 3)) {
  fail('btcfi needs Node.js 20.19 or later, and on 21 or 22 at least 22.3');
} else {
  require('../dist/cli/main.cjs');
}

function fail(need) {
  process.stderr.write('btcfi: error: ' + need + '; this is ' + process.version + '\n');
  process.exitCode = 2;
}
