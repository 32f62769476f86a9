import { describe, expect, it } from 'vitest';
import { fixture, jsonLines, observe, ofType } from './observe.test-helper';

describe("the probe's report descriptor, taken over by the program", () => {
  it('closed and its number reused for a file: nothing lands in the file; the probe reopens the channel and says so', async () => {
    const run = await observe(fixture('fd-takeover-boss.js'));
    const [got] = jsonLines(run.stdout) as { probeFd: number; mine: number; text: string }[];
    expect(got.mine).toBe(got.probeFd);
    expect(got.text).toBe('');
    const notice = ofType(run.records, 'error').find((e) => e.where === 'probe');
    expect(notice).toMatchObject({ pid: run.pid, code: 'ERR_OBRA_CHANNEL_REOPENED' });
    expect(notice?.message).toContain(`(${got.probeFd})`);
    // The records after the takeover still arrive: the call, its spawn and exit.
    const call = ofType(run.records, 'call').find((c) => c.pid === run.pid);
    expect(call).toMatchObject({ api: 'spawnSync', command: 'true' });
    expect(ofType(run.records, 'exit').find((e) => e.childId === call?.childId)).toMatchObject({ code: 0 });
    expect(run.badLines).toEqual([]);
  });

  it('closed after the channel was removed: nothing lands in the file, and the probe stops reporting', async () => {
    const run = await observe(fixture('fd-takeover-boss.js'), { args: ['remove-channel'] });
    const [got] = jsonLines(run.stdout) as { probeFd: number; mine: number; text: string }[];
    expect(got.mine).toBe(got.probeFd);
    expect(got.text).toBe('');
    expect(run.code).toBe(0);
  });
});
