import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvent, OutputEvent } from '../../shared/events';
import { readRecording } from '../../shared/recording';
import { summarize } from '../../shared/summary';
import type { ChromeTrace } from '../../shared/trace';
import { checkTrace } from '../../shared/trace-check';
import { FIXTURES, ROOT, ensureCliBuilt, runObra } from '../../tests/fixtures/cli-kit';

let dir: string;
beforeAll(() => {
  ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obra-cli-'));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const fixture = (name: string) => path.join(FIXTURES, name);
const read = (file: string) => readRecording(fs.readFileSync(file, 'utf8'));
const outputOf = (events: LabEvent[], type: 'stdout' | 'stderr', pid: number) =>
  events.filter((e): e is OutputEvent => e.type === type && e.pid === pid).reduce((sum, e) => sum + e.bytes, 0);

describe('obra record', () => {
  it('writes an NDJSON log, header first, in which every byte the child wrote is counted', async () => {
    const out = path.join(dir, 'uneven.ndjson');
    const result = await runObra(['record', fixture('uneven-writes.js'), '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);

    const text = fs.readFileSync(out, 'utf8');
    expect(JSON.parse(text.slice(0, text.indexOf('\n')))).toMatchObject({ obra: 1, script: fixture('uneven-writes.js') });
    const { header, events } = read(out);
    expect(events[0]).toMatchObject({ type: 'run-start', runId: header.runId });
    expect(events.at(-1)).toMatchObject({ type: 'run-end', reason: 'exit', code: 0 });

    const child = events.find((e) => e.type === 'spawn')!.pid!;
    expect(outputOf(events, 'stdout', child)).toBe(100_003);
    expect(outputOf(events, 'stderr', child)).toBe(7_777);
    // The boss printed what it received: the same figures, read from the real pipe.
    expect(result.stdout).toMatch(/^Recorded .*uneven-writes\.js → .*uneven\.ndjson \(NDJSON, \d+ events\)$/m);
    expect(result.stdout).toMatch(/processes {2}2 — boss 1 · spawn 1/);
    expect(result.stdout).toMatch(/stderr 7,777 B \(7\.6 KiB\) in \d+/);
    const summary = summarize(events);
    expect(summary.bytes.stderr).toBe(7_777);
    expect(summary.bytes.stdout).toBe(100_003 + `child ${child} stdout 100003 stderr 7777 code 0\n`.length);
  });

  it('writes a Chrome trace that Perfetto can read: every process named, slices with dur, flows joined', async () => {
    const out = path.join(dir, 'chat.trace.json');
    const result = await runObra(['record', fixture('chat.js'), '--out', out, '--format', 'trace']);
    expect(result.code).toBe(0);
    const trace = JSON.parse(fs.readFileSync(out, 'utf8')) as ChromeTrace;
    expect(checkTrace(trace)).toEqual([]);
    const names = trace.traceEvents.filter((e) => e.name === 'process_name').map((e) => e.args!.name);
    expect(names).toContain('boss: node chat.js');
    expect(names.some((n) => typeof n === 'string' && n.startsWith('fork: chat.js worker'))).toBe(true);
    const flowsOut = trace.traceEvents.filter((e) => e.flow_out);
    const flowsIn = trace.traceEvents.filter((e) => e.flow_in);
    expect(flowsOut.length).toBeGreaterThan(0);
    expect(flowsIn.length).toBe(flowsOut.length);
    expect(result.stdout).toMatch(/messages {3}100 sent · 100 received/);
  });

  it('a demo recorded as a trace carries its narration steps, reached in order', async () => {
    const out = path.join(dir, 'fork.trace.json');
    const result = await runObra(['record', 'fork', '--out', out, '--lang', 'en']);
    expect(result.code).toBe(0);
    const trace = JSON.parse(fs.readFileSync(out, 'utf8')) as ChromeTrace;
    expect(checkTrace(trace)).toEqual([]);
    expect(trace.traceEvents.find((e) => e.name === 'process_name')?.args?.name).toBe('boss: node index.js (demo fork)');
    const steps = trace.traceEvents.filter((e) => e.cat === 'narration');
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.map((e) => e.name.split('.')[0])).toEqual(steps.map((_, i) => String(i + 1)));
    expect(steps.every((e) => e.s === 'g')).toBe(true);
  });

  it('the default name and NDJSON on stdout with --out -', async () => {
    const result = await runObra(['record', fixture('exits-three.js')], { cwd: dir });
    expect(result.code).toBe(0);
    const recording = read(path.join(dir, 'obra-exits-three.ndjson'));
    expect(recording.events.length).toBeGreaterThan(2);
    expect(recording.header.cwd).toBe(dir); // a script runs where `node script.js` would
    // The script's own failure is recorded, not Obra's: exit 0, and the summary says code 3.
    expect(result.stdout).toMatch(/ended by itself after .* · boss exit code 3/);

    const piped = await runObra(['record', fixture('exits-three.js'), '--out', '-']);
    expect(piped.code).toBe(0);
    expect(readRecording(piped.stdout).header.script).toBe(fixture('exits-three.js'));
    expect(piped.stderr).toMatch(/^Recorded .* → stdout/);
  });

  it('a missing file: non-zero, one line with ENOENT, nothing written', async () => {
    const result = await runObra(['record', './no-such-script.js'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('obra: no such file: ./no-such-script.js (ENOENT)\n');
    expect(fs.existsSync(path.join(dir, 'obra-no-such-script.ndjson'))).toBe(false);
  });

  it('a script that does not parse: non-zero, one line with SyntaxError at file:line', async () => {
    // Written here, not kept as a fixture: a file that does not parse would fail the lint.
    const script = path.join(dir, 'does-not-parse.js');
    fs.writeFileSync(script, "'use strict';\nconst ok = 1;\nconst broken = ok +* 2;\nconsole.log(broken);\n");
    const result = await runObra(['record', script, '--out', path.join(dir, 'p.ndjson')]);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toContain(`${script}:3`);
    expect(result.stderr).toMatch(/^obra: script does not parse: .*: Unexpected token '\*' \(SyntaxError\)\n$/);
  });

  it('a module the boss requires that does not parse is named; a SyntaxError thrown at run time is the program\'s own', async () => {
    fs.writeFileSync(path.join(dir, 'broken-lib.js'), 'module.exports = {;\n');
    fs.writeFileSync(path.join(dir, 'uses-broken-lib.js'), "require('./broken-lib.js');\n");
    const lib = await runObra(['record', path.join(dir, 'uses-broken-lib.js'), '--out', path.join(dir, 'lib.ndjson')]);
    expect(lib.code).toBe(1);
    expect(lib.stderr).toMatch(new RegExp(`^obra: script does not parse: ${path.join(dir, 'broken-lib.js')}:1: .* \\(SyntaxError\\)\n$`));

    fs.writeFileSync(path.join(dir, 'bad-json.js'), "JSON.parse('{oops}');\n");
    const runtime = await runObra(['record', path.join(dir, 'bad-json.js'), '--out', path.join(dir, 'json.ndjson')]);
    expect(runtime.code).toBe(0);
    expect(runtime.stdout).toMatch(/boss exit code 1/);
    expect(runtime.stdout).toMatch(/errors {5}1 — SyntaxError ×1/);
  });

  it('records forged by the script: no forged failure, exit 0, the refusal said as a warning', async () => {
    const out = path.join(dir, 'forger.ndjson');
    const result = await runObra(['record', path.join(ROOT, 'tests', 'fixtures', 'lab', 'forger-boss.js'), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/probe is missing/);
    expect(result.stderr).toMatch(/^obra: warning: Ignored a record from the report channel \(error: only the lab speaks for the lab .*\(ERR_OBRA_BAD_RECORD\)$/m);
    expect(result.stderr).toMatch(/^obra: warning: 303 records from the report channel were ignored in all\. \(ERR_OBRA_BAD_RECORD\)$/m);
    expect(result.stdout).toMatch(/processes {2}2 — boss 1 · spawnSync 1/);
  });

  it('an unknown demo and an unknown flag: one line each', async () => {
    const demo = await runObra(['record', 'no-such-demo']);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toMatch(/^obra: unknown demo 'no-such-demo' \(demos: .*spawn.*\).* \(ERR_OBRA_UNKNOWN_DEMO\)\n$/);
    const flag = await runObra(['record', 'spawn', '--colour']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("obra: unknown option --colour for 'record' (see obra --help) (ERR_PARSE_ARGS_UNKNOWN_OPTION)\n");
  });
});

