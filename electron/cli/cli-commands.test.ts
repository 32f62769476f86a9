import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecording } from '../../shared/recording';
import { BIN, FIXTURES, ROOT, alive, ensureCliBuilt, runObra } from '../../tests/fixtures/cli-kit';
import { treeStarted } from '../../tests/fixtures/proc';

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-cli-'));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const treePids = (file: string) => {
  const { events } = readRecording(fs.readFileSync(file, 'utf8'));
  const pids = new Set<number>();
  for (const e of events) if ((e.type === 'spawn' || e.type === 'os-process' || e.type === 'run-start') && e.pid !== null) pids.add(e.pid);
  return { events, pids: [...pids] };
};

describe('stopping a recording', () => {
  it('Ctrl-C stops the whole tree, still writes what was recorded, and exits 130', async () => {
    const out = path.join(dir, 'forever.ndjson');
    const result = await runObra(['record', path.join(FIXTURES, 'forever.js'), '--out', out], {
      // obra, the boss, sh, sleep, cat and the forked child: then a few samples, then the signal.
      onStart: (pid) => void treeStarted(pid, 5).then(() => setTimeout(() => process.kill(pid, 'SIGINT'), 300)),
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/obra: stopped with Ctrl-C; what was recorded is in .*forever\.ndjson\n$/);
    const { events, pids } = treePids(out);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', reason: 'stopped' });
    // boss, sh, sleep, cat, the forked child: all seen, none left alive.
    expect(pids.length).toBeGreaterThanOrEqual(4);
    expect(pids.filter(alive)).toEqual([]);
    expect(result.stdout).toMatch(/stopped after .* \(whole tree killed\)/);
  });

  it('SIGTERM stops the whole tree too, says SIGTERM, still writes what was recorded, and exits 143', async () => {
    const out = path.join(dir, 'terminated.ndjson');
    const result = await runObra(['record', path.join(FIXTURES, 'forever.js'), '--out', out], {
      // obra, the boss, sh, sleep, cat and the forked child: then a few samples, then the signal.
      onStart: (pid) => void treeStarted(pid, 5).then(() => setTimeout(() => process.kill(pid, 'SIGTERM'), 300)),
    });
    expect(result.code).toBe(143);
    expect(result.stderr).toMatch(/obra: stopped by SIGTERM; what was recorded is in .*terminated\.ndjson\n$/);
    expect(result.stderr).not.toMatch(/Ctrl-C/);
    const { events, pids } = treePids(out);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', reason: 'stopped' });
    expect(pids.length).toBeGreaterThanOrEqual(4);
    expect(pids.filter(alive)).toEqual([]);
  });

  it('--max-duration stops the tree; the recording completed, so exit 0', async () => {
    const out = path.join(dir, 'bounded.ndjson');
    const result = await runObra(['record', path.join(FIXTURES, 'forever.js'), '--out', out, '--max-duration', '800']);
    expect(result.code).toBe(0);
    const { events, pids } = treePids(out);
    const end = events.at(-1)!;
    expect(end).toMatchObject({ type: 'run-end', reason: 'timeout' });
    expect(end.t).toBeGreaterThanOrEqual(800_000);
    expect(pids.filter(alive)).toEqual([]);
    expect(result.stdout).toMatch(/stopped by --max-duration after/);
  });
});

describe('a lab limit', () => {
  it('stops the run: non-zero, one line with the code, the log still written, nothing left alive', async () => {
    const out = path.join(dir, 'limited.ndjson');
    const result = await runObra(['record', path.join(FIXTURES, 'four-sleepers.js'), '--out', out, '--max-processes', '3']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^obra: The run had \d+ processes alive at once; the limit is 3 .* \(ERR_OBRA_PROCESS_LIMIT\)\n$/);
    const { events, pids } = treePids(out);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', reason: 'error', errorCode: 'ERR_OBRA_PROCESS_LIMIT' });
    expect(pids.filter(alive)).toEqual([]);
  });
});

describe('a boss that kills its parent', () => {
  it('kills the site keeper, not obra: exit 1, one line with ERR_OBRA_KEEPER_LOST, the log written, nothing left alive', async () => {
    const out = path.join(dir, 'parent-killer.ndjson');
    const result = await runObra(['record', path.join(ROOT, 'tests/fixtures/lab/parent-killer-boss.js'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^obra: Obra's site keeper \(pid \d+\), the boss's parent, was ended by SIGKILL .* \(ERR_OBRA_KEEPER_LOST\)\n$/);
    const { events, pids } = treePids(out);
    expect(events.at(-1)).toMatchObject({ type: 'run-end', reason: 'error', errorCode: 'ERR_OBRA_KEEPER_LOST' });
    expect(pids.filter(alive)).toEqual([]);
  });
});

describe('the other commands', () => {
  it('demos --json is the catalogue: an array of demos with ids', async () => {
    const result = await runObra(['demos', '--json']);
    expect(result.code).toBe(0);
    const demos = JSON.parse(result.stdout) as { id: string; title: { en: string } }[];
    expect(Array.isArray(demos)).toBe(true);
    expect(demos.map((d) => d.id)).toEqual(expect.arrayContaining(['spawn', 'fork', 'exec']));
    const table = await runObra(['demos', '--lang', 'en']);
    expect(table.stdout).toContain(`spawn`);
    expect(table.stdout).toMatch(new RegExp(`${demos.length} demos`));
  });

  it('--help and --version', async () => {
    const help = await runObra(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/obra record <demo-id \| path\/to\/script\.js \| path\/to\/lesson\/>/);
    const version = await runObra(['--version']);
    expect(version.stdout).toMatch(/^obra \d+\.\d+\.\d+ \(node v\d+/);
  });

  it('serve starts on 127.0.0.1 and stops on SIGINT', async () => {
    let url = '';
    const result = await runObra(['serve', '--port', '0'], {
      onStart: (pid) => {
        const poll = setInterval(() => {
          if (url) {
            clearInterval(poll);
            process.kill(pid, 'SIGINT');
          }
        }, 50);
      },
      onStdout: (text) => (url ||= /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(text)?.[0] ?? ''),
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?/);
    expect(result.code).toBe(0);
  });

  it('a bin whose build is missing says so in one line', async () => {
    const copy = path.join(dir, 'unbuilt', 'bin', 'obra.cjs');
    fs.mkdirSync(path.dirname(copy), { recursive: true });
    fs.copyFileSync(BIN, copy);
    const result = await runObra(['--help'], { bin: copy });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^obra: not built yet, .*out\/node\/electron\/cli\/main\.js is missing; run `npm run build:node` \(ERR_OBRA_NOT_BUILT\)\n$/);
  });
});
