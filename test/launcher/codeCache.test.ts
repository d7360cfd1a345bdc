import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getCacheDir, getCacheFile, getCacheKey, KEPT_CACHES, pruneCodeCaches, readCodeCache, writeCodeCache, type CacheKey } from '../../src/launcher/codeCache.js';

const scratch = mkdtempSync(join(tmpdir(), 'btcfi-code-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const KEY: CacheKey = {
  buildId: '0123456789abcdef',
  app: { size: 570_000, mtimeMs: 1_700_000_000_000 },
  node: ['v20.20.2', 'x64', 'linux', '11.3.244.8-node.38'],
  binary: { path: '/usr/bin/node', size: 98_000_000, mtimeMs: 1_700_000_000_000 },
  execArgv: [],
  nodeOptions: '',
};

describe('getCacheDir', () => {
  it.each([
    ['XDG_CACHE_HOME when absolute', { XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' }, 'linux', '/x/cache/btcfi'],
    ['~/.cache when XDG_CACHE_HOME is relative, which the spec says to ignore', { XDG_CACHE_HOME: 'cache', HOME: '/home/u' }, 'linux', '/home/u/.cache/btcfi'],
    ['~/.cache on Linux', { HOME: '/home/u' }, 'linux', '/home/u/.cache/btcfi'],
    ['~/Library/Caches on macOS', { HOME: '/Users/u' }, 'darwin', '/Users/u/Library/Caches/btcfi'],
    ['no folder without a home', {}, 'linux', undefined],
  ] as const)('%s', (_, env, platform, expected) => {
    expect(getCacheDir(env, platform)).toBe(expected);
  });
});

describe('getCacheFile', () => {
  it.each([
    ['another Node release', { ...KEY, node: ['v20.19.0', 'x64', 'linux', '11.3.244.8-node.38'] }],
    ['another Node binary of the same release', { ...KEY, binary: { ...KEY.binary, path: '/opt/node/bin/node' } }],
    ['another architecture', { ...KEY, node: ['v20.20.2', 'arm64', 'linux', '11.3.244.8-node.38'] }],
    ['other V8 flags', { ...KEY, execArgv: ['--max-old-space-size=100'] }],
    ['other NODE_OPTIONS', { ...KEY, nodeOptions: '--jitless' }],
    ['another build of btcfi', { ...KEY, buildId: 'fedcba9876543210' }],
    ['a bundle changed after the build', { ...KEY, app: { ...KEY.app, mtimeMs: KEY.app.mtimeMs + 1 } }],
  ] as const)('gives %s another file and header', (_, other) => {
    const mine = getCacheFile(scratch, KEY);
    const theirs = getCacheFile(scratch, other);
    expect(theirs.path).not.toBe(mine.path);
    expect(theirs.header.equals(mine.header)).toBe(false);
  });

  it('names the file for the release and architecture, and keeps the code after the header 8-byte aligned', () => {
    const file = getCacheFile('/c', KEY);
    expect(file.path).toMatch(/^\/c\/app-v20\.20\.2-x64-[0-9a-f]{8}\.cache$/);
    expect(file.header.length % 8).toBe(0);
    expect(file.header.at(-1)).toBe(0x0a);
  });

  it('getCacheKey describes the running process', () => {
    const key = getCacheKey('b', join(import.meta.dirname, 'codeCache.test.ts'));
    expect(key?.node).toEqual([process.version, process.arch, process.platform, process.versions.v8]);
    expect(key?.binary.path).toBe(process.execPath);
    expect(getCacheKey('b', join(scratch, 'missing.cjs'))).toBeUndefined();
  });
});

describe('readCodeCache and writeCodeCache', () => {
  const code = Buffer.from('compiled code, as V8 would give it');

  it('reads back what was written, for the same key only', () => {
    const dir = join(scratch, 'roundtrip');
    const file = getCacheFile(dir, KEY);
    expect(readCodeCache(file)).toBeUndefined();
    writeCodeCache(file, code);
    expect(readCodeCache(file)?.equals(code)).toBe(true);
    expect(readdirSync(dir)).toEqual([file.path.slice(dir.length + 1)]);
  });

  it('ignores a cache another runtime wrote under this file name (a copied or restored cache folder)', () => {
    const dir = join(scratch, 'foreign');
    const mine = getCacheFile(dir, KEY);
    const theirs = getCacheFile(dir, { ...KEY, node: ['v20.19.0', 'x64', 'linux', '11.3.244.8-node.38'] });
    writeCodeCache(theirs, code);
    writeFileSync(mine.path, readFileSync(theirs.path));
    expect(readCodeCache(mine)).toBeUndefined();
  });

  it('ignores a file that holds only the header, or part of it', () => {
    const dir = join(scratch, 'short');
    const file = getCacheFile(dir, KEY);
    writeCodeCache(file, code);
    writeFileSync(file.path, file.header);
    expect(readCodeCache(file)).toBeUndefined();
    writeFileSync(file.path, file.header.subarray(0, 10));
    expect(readCodeCache(file)).toBeUndefined();
  });

  it('never throws where the folder cannot be made', () => {
    const file = getCacheFile('/dev/null/btcfi', KEY);
    expect(() => writeCodeCache(file, code)).not.toThrow();
    expect(readCodeCache(file)).toBeUndefined();
  });

  it(`keeps the ${KEPT_CACHES} most recently written caches and removes stale temporary files`, () => {
    const dir = mkdtempSync(join(scratch, 'prune-'));
    const now = Date.now();
    const names = Array.from({ length: KEPT_CACHES + 3 }, (_, index) => `app-v20.${index}.0-x64-00000000.cache`);
    names.forEach((name, index) => {
      writeFileSync(join(dir, name), 'x');
      utimesSync(join(dir, name), new Date(now - index * 60_000), new Date(now - index * 60_000));
    });
    writeFileSync(join(dir, 'app-old.cache.1.tmp'), 'x');
    utimesSync(join(dir, 'app-old.cache.1.tmp'), new Date(now - 2 * 3_600_000), new Date(now - 2 * 3_600_000));
    writeFileSync(join(dir, 'app-new.cache.2.tmp'), 'x');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    pruneCodeCaches(dir, now);
    expect(readdirSync(dir).sort()).toEqual([...names.slice(0, KEPT_CACHES), 'app-new.cache.2.tmp', 'notes.txt'].sort());
  });
});
