// A result for a pipe or a file is written straight to standard output's file descriptor (see
// src/cli/nodeIo.ts); these runs check what that must not lose: every byte, in order, whatever
// the pipe is like, and a quiet end when the reader goes away. Each is compared with the same run
// in-process.
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, cliEnv, REPO_ROOT, runCli, runShell } from '../helpers/runCli.js';

beforeAll(assertBuilt);

// 2,400 monthly rows, about 160 KB: more than a pipe holds (64 KB on Linux).
const LARGE = ['project', '--tvl', '1B', '--growth', '5%', '--years', '200', '--step', 'month', '--format', 'csv'];

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('standard output', () => {
  it('gets all of a large result through a pipe whose reader is slow', async () => {
    const whole = (await runCli(LARGE)).stdout;
    const slow = await runShell(`btcfi ${LARGE.join(' ')} | (sleep 1; cat)`);
    expect(slow.btcfiExitCode).toBe(0);
    expect(slow.stdout).toBe(whole);
  }, 30_000);

  // A pipe can be non-blocking (a parent made it so); a write that would block then fails with
  // EAGAIN, and the rest must go out through Node's stream, which waits for room.
  it.skipIf(!hasPython)('gets all of a large result through a non-blocking pipe that fills up', async () => {
    const script = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      `p = subprocess.Popen(sys.argv[1:], stdout=w)`,
      'os.close(w)',
      'time.sleep(1)',
      'data = b""',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    data += chunk',
      'sys.stdout.buffer.write(data)',
      'sys.exit(p.wait())',
    ].join('\n');
    const whole = (await runCli(LARGE)).stdout;
    const result = spawnSync('python3', ['-c', script, process.execPath, BIN, ...LARGE], { env: cliEnv(), cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 });
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe(whole);
  }, 30_000);

  it('ends quietly with exit 0 when the reader stops early', async () => {
    const result = await runShell(`btcfi ${LARGE.join(' ')} | head -1`);
    expect(result.stdout).toBe('scenario,case,period,index,unit,market_cap,utilization,tvl,change,target,target_reached,growth_needed,utilization_needed,mean,p5,p25,p50,p75,p95,target_probability,price,supply,tvl_usd,tvl_btc\r\n');
    expect(result.btcfiExitCode).toBe(0);
    expect(result.stderr).toBe('');
  }, 30_000);
});
