// The V8 code cache of the bundle, kept per user and per runtime. V8 checks only its own version
// and flags before it uses a cache, and Node releases that share a V8 version (every Node 20
// patch release does) compile to different code: a cache written by one of them makes another
// crash (a segmentation fault, exit 139). So a cache is used only by the very runtime that wrote
// it (the same Node release and binary, architecture, V8 flags and build of btcfi), and lives in
// the user's cache folder, never in the package: an installed btcfi writes its own on its first
// run. Nothing here ever fails a run: a folder that cannot be written just means no cache.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** Bumped when the file layout changes. */
const FORMAT = 'btcfi code cache 1';
/** The caches kept in the folder: one per runtime and build, the most recently written. */
export const KEPT_CACHES = 8;
/** A temporary file left by a run that was killed while writing, removed after this long. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** Where caches live: $XDG_CACHE_HOME/btcfi, else the platform's per-user cache folder. */
export function getCacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && isAbsolute(xdg)) {
    return join(xdg, 'btcfi'); // a relative XDG_CACHE_HOME is invalid and ignored, as the spec says
  }
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'];
    return local !== undefined && isAbsolute(local) ? join(local, 'btcfi', 'Cache') : undefined;
  }
  const home = env['HOME'];
  if (home === undefined || !isAbsolute(home)) {
    return undefined;
  }
  return platform === 'darwin' ? join(home, 'Library', 'Caches', 'btcfi') : join(home, '.cache', 'btcfi');
}

/** What a cache depends on. Everything in it must be equal for a cache to be used. */
export interface CacheKey {
  /** A hash of the bundle's text, set by the build. */
  readonly buildId: string;
  /** The bundle file as installed: a bundle edited by hand has another size or time. */
  readonly app: { readonly size: number; readonly mtimeMs: number };
  /** process.version, arch, platform and the V8 version. */
  readonly node: readonly string[];
  /** The Node binary: path, size and time, so that two builds of one release never share. */
  readonly binary: { readonly path: string; readonly size: number; readonly mtimeMs: number };
  /** The flags V8 was started with: node's own arguments and NODE_OPTIONS. */
  readonly execArgv: readonly string[];
  readonly nodeOptions: string;
}

/** The key of this process running `app`; undefined when the files cannot be looked at. */
export function getCacheKey(buildId: string, app: string): CacheKey | undefined {
  try {
    const appStat = statSync(app);
    const binaryStat = statSync(process.execPath);
    return {
      buildId,
      app: { size: appStat.size, mtimeMs: appStat.mtimeMs },
      node: [process.version, process.arch, process.platform, process.versions.v8],
      binary: { path: process.execPath, size: binaryStat.size, mtimeMs: binaryStat.mtimeMs },
      execArgv: process.execArgv,
      nodeOptions: process.env['NODE_OPTIONS'] ?? '',
    };
  } catch {
    return undefined;
  }
}

/** FNV-1a, 32 bits: only names the file; the header is compared whole. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A cache file: its path and the header that starts it, which says exactly what wrote it. */
export interface CacheFile {
  readonly dir: string;
  readonly path: string;
  readonly header: Buffer;
}

export function getCacheFile(dir: string, key: CacheKey): CacheFile {
  const text = JSON.stringify([FORMAT, key]);
  // Padded to a multiple of 8 bytes so that the code after it stays aligned as V8 wants it.
  const length = Buffer.byteLength(text) + 1;
  const header = Buffer.from(`${text}${' '.repeat((8 - (length % 8)) % 8)}\n`);
  const name = `app-${key.node[0]}-${key.node[1]}-${fnv1a(text)}.cache`;
  return { dir, path: join(dir, name), header };
}

/** The cached code in `file`, or undefined when there is none or another runtime wrote it. */
export function readCodeCache(file: CacheFile): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.path);
  } catch {
    return undefined;
  }
  if (bytes.length <= file.header.length || !bytes.subarray(0, file.header.length).equals(file.header)) {
    return undefined;
  }
  return bytes.subarray(file.header.length);
}

/**
 * Writes `code` under its header: into a temporary file renamed into place, so that a run never
 * reads half a cache, then removes the oldest caches beyond KEPT_CACHES. Failures are ignored.
 */
export function writeCodeCache(file: CacheFile, code: Buffer): void {
  const temporary = `${file.path}.${process.pid}.tmp`;
  try {
    mkdirSync(file.dir, { recursive: true, mode: 0o700 });
    const fd = openSync(temporary, 'w', 0o600);
    try {
      for (const part of [file.header, code]) {
        let offset = 0;
        while (offset < part.length) {
          offset += writeSync(fd, part, offset);
        }
      }
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file.path);
  } catch {
    removeQuietly(temporary);
    return;
  }
  pruneCodeCaches(file.dir, Date.now());
}

/** Keeps the KEPT_CACHES most recently written caches, and no stale temporary file. */
export function pruneCodeCaches(dir: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const caches: { path: string; mtimeMs: number }[] = [];
  for (const name of names) {
    if (!name.startsWith('app-')) {
      continue;
    }
    const path = join(dir, name);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      continue; // removed by another run meanwhile
    }
    if (name.endsWith('.cache')) {
      caches.push({ path, mtimeMs });
    } else if (name.endsWith('.tmp') && now - mtimeMs > STALE_TEMPORARY_MS) {
      removeQuietly(path);
    }
  }
  caches.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { path } of caches.slice(KEPT_CACHES)) {
    removeQuietly(path);
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // another run removed it first, or the folder is not ours to change
  }
}
