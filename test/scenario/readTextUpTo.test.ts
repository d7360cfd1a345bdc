import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTextUpTo } from '../../src/scenario/readTextUpTo.js';

const dir = mkdtempSync(join(tmpdir(), 'btcfi-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readTextUpTo', () => {
  it.each([
    { rule: 'an empty file', bytes: 0 },
    { rule: 'a small file, read in one piece', bytes: 300 },
    { rule: 'a file of several pieces', bytes: 3 * 64 * 1024 + 17 },
    { rule: 'a file exactly one piece long', bytes: 64 * 1024 },
  ])('reads the whole of $rule, a regular file or not, whatever size it was seen at', ({ bytes }) => {
    const text = 'é'.repeat(Math.floor(bytes / 2)) + 'x'.repeat(bytes % 2);
    const path = join(dir, `f${bytes}`);
    writeFileSync(path, text);
    for (const regularFile of [false, true]) {
      for (const sizeHint of [bytes, 0, 10, 64 * 1024]) {
        expect(readTextUpTo(path, 1024 * 1024, sizeHint, regularFile)).toEqual({ text });
      }
    }
  });

  it('stops past the limit', () => {
    const path = join(dir, 'big');
    writeFileSync(path, 'x'.repeat(2000));
    expect(readTextUpTo(path, 1000, 2000, true)).toEqual({ moreThan: 1000 });
  });
});
