import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bossEnv, quoteNodeOption } from './boss-launch';
import { previewOf } from './preview';

const launch = { nodePath: process.execPath, script: '/x.js', args: [], cwd: '/', extraEnv: {}, report: '/tmp/r.fifo', t0: 123n, runId: 'run-1' };

describe("the boss's environment", () => {
  it('appends --require of the probe to NODE_OPTIONS, and names the channel, T0 and run', () => {
    const env = bossEnv({ ...launch, probe: '/p/index.cjs' }, { NODE_OPTIONS: '--max-old-space-size=100', PATH: '/bin' });
    expect(env).toMatchObject({ NODE_OPTIONS: '--max-old-space-size=100 --require /p/index.cjs', OBRA_REPORT: '/tmp/r.fifo', OBRA_T0: '123', OBRA_RUN: 'run-1', PATH: '/bin' });
  });

  it('drops an inherited ELECTRON_RUN_AS_NODE, keeps one the caller asks for', () => {
    expect(bossEnv({ ...launch, probe: null }, { ELECTRON_RUN_AS_NODE: '1' }).ELECTRON_RUN_AS_NODE).toBeUndefined();
    expect(bossEnv({ ...launch, probe: null, extraEnv: { ELECTRON_RUN_AS_NODE: '1' } }, {}).ELECTRON_RUN_AS_NODE).toBe('1');
  });

  it('quotes a probe path with spaces, quotes and backslashes so that node really loads it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra quote "x" \\ '));
    const probe = path.join(dir, 'my probe.cjs');
    fs.writeFileSync(probe, "process.stdout.write('probe loaded;')");
    try {
      const out = execFileSync(process.execPath, ['-e', "console.log('script ran')"], { env: { ...process.env, NODE_OPTIONS: `--require ${quoteNodeOption(probe)}` }, encoding: 'utf8' });
      expect(out).toBe('probe loaded;script ran\n');
      expect(quoteNodeOption('/plain/path.cjs')).toBe('/plain/path.cjs');
    } finally {
      fs.rmSync(dir, { recursive: true });
    }
  });
});

describe('previews', () => {
  it('are one safe line: control characters escaped, cut at 120 characters with a mark', () => {
    expect(previewOf(Buffer.from('a\tb\r\n\x1b[31mred\\'))).toBe('a\\tb\\r\\n\\x1b[31mred\\\\');
    expect(previewOf(Buffer.from('ñ'.repeat(200)))).toBe('ñ'.repeat(120) + '…');
    expect(previewOf(Buffer.alloc(0))).toBe('');
  });
});
