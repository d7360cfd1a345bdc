import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_CHARS, makeStreamSink, openFileSink } from '../../src/cli/streamOutput.js';

/** A stream that takes `delayMs` to accept each chunk and remembers how much was ever waiting in it. */
function slowStream(delayMs: number): { stream: Writable; received: () => string; peakBuffered: () => number } {
  const chunks: string[] = [];
  let peak = 0;
  const stream = new Writable({
    highWaterMark: 16 * 1024,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      chunks.push(chunk);
      setTimeout(done, delayMs);
    },
  });
  const original = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    const ok = original(chunk);
    peak = Math.max(peak, stream.writableLength);
    return ok;
  }) as typeof stream.write;
  return { stream, received: () => chunks.join(''), peakBuffered: () => peak };
}

describe('makeStreamSink', () => {
  it('waits for drain, so a slow reader never has more than a batch or two waiting', async () => {
    const { stream, received, peakBuffered } = slowStream(2);
    const sink = makeStreamSink(stream);
    const line = `${'1234567890,'.repeat(100)}\r\n`;
    for (let i = 0; i < 2000; i += 1) {
      await sink.write(line);
    }
    await sink.finish();
    expect(received()).toBe(line.repeat(2000));
    expect(peakBuffered()).toBeLessThanOrEqual(2 * (BATCH_CHARS + line.length));
  });

  it('writes small outputs whole at finish', async () => {
    const { stream, received } = slowStream(0);
    const sink = makeStreamSink(stream);
    await sink.write('a,b\r\n');
    await sink.write('1,2\r\n');
    expect(received()).toBe('');
    await sink.finish();
    expect(received()).toBe('a,b\r\n1,2\r\n');
  });
});

describe('openFileSink', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'btcfi-sink-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes to a temporary file and renames it over the target at the end', async () => {
    const target = join(dir, 'grid.csv');
    await writeFile(target, 'old\n');
    const sink = await openFileSink(target);
    const row = `${'9'.repeat(1000)}\r\n`;
    for (let i = 0; i < 500; i += 1) {
      await sink.write(row);
    }
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect((await readdir(dir)).some((name) => name.startsWith('.grid.csv.tmp-'))).toBe(true);
    await sink.finish();
    expect(await readFile(target, 'utf8')).toBe(row.repeat(500));
    expect(await readdir(dir)).toEqual(['grid.csv']);
  });

  it('leaves the target as it was, and no temporary file, when aborted', async () => {
    const target = join(dir, 'grid.csv');
    await writeFile(target, 'old\n');
    const sink = await openFileSink(target);
    await sink.write('x'.repeat(3 * BATCH_CHARS));
    await sink.abort();
    expect(await readFile(target, 'utf8')).toBe('old\n');
    expect(await readdir(dir)).toEqual(['grid.csv']);
  });

  it('fails before writing anything when the folder does not exist', async () => {
    await expect(openFileSink(join(dir, 'missing', 'grid.csv'))).rejects.toThrow(/ENOENT/);
  });
});
