import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readStreamUpTo } from '../../src/scenario/readStreamUpTo.js';

/**
 * A stream of `piece` for ever, counting the bytes it has been asked for. Each piece comes in a
 * later turn of the event loop, as from a pipe, so a reader that never stops times out.
 */
function endless(piece: Buffer): { stream: Readable; produced: () => number } {
  let produced = 0;
  const stream = new Readable({
    read() {
      setImmediate(() => {
        produced += piece.length;
        this.push(piece);
      });
    },
  });
  return { stream, produced: () => produced };
}

describe('readStreamUpTo', () => {
  it('reads a stream to its end, decoding UTF-8 split across pieces', async () => {
    const text = 'name: 中文\ntvl: 1\n';
    const bytes = Buffer.from(text, 'utf8');
    // A three-byte character cut between two pieces.
    const stream = Readable.from([bytes.subarray(0, 7), bytes.subarray(7)]);
    expect(await readStreamUpTo(stream, 1024)).toEqual({ text });
  });

  it('takes a stream of exactly the limit, and refuses one byte more', async () => {
    expect(await readStreamUpTo(Readable.from([Buffer.alloc(100, 'a')]), 100)).toEqual({ text: 'a'.repeat(100) });
    expect(await readStreamUpTo(Readable.from([Buffer.alloc(60, 'a'), Buffer.alloc(41, 'a')]), 100)).toEqual({ moreThan: 100 });
  });

  it('stops reading an endless stream once past the limit, and closes it', async () => {
    const limit = 1024 * 1024;
    const { stream, produced } = endless(Buffer.alloc(64 * 1024, 'y'));
    expect(await readStreamUpTo(stream, limit)).toEqual({ moreThan: limit });
    // What was asked for beyond the limit is at most a few pieces read ahead, not the stream.
    expect(produced()).toBeLessThan(limit + 4 * 64 * 1024);
    expect(stream.destroyed).toBe(true);
  });

  it('passes on an error of the stream', async () => {
    const stream = new Readable({
      read() {
        this.destroy(new Error('EIO'));
      },
    });
    await expect(readStreamUpTo(stream, 100)).rejects.toThrow('EIO');
  });
});
