/**
 * The probe's connection to the named pipe under Windows Node, under Wine: a program that
 * closes it and opens a file under the same descriptor number never receives a record.
 */
import { describe, expect, inject, it } from 'vitest';
import { ofType } from '../../assets/demos/demo-log';
import { recordUnderWine, windowsPath } from './obra-under-wine';

const wine = inject('wineNode');

describe("the probe's report descriptor under Windows Node, taken over by the program", () => {
  it('closed and its number reused for a file: nothing lands in the file; the probe connects again and says so', async () => {
    const run = await recordUnderWine(wine, windowsPath('tests', 'windows', 'fixtures', 'fd-takeover-boss.js'));
    expect(run.cli.code, run.cli.stderr).toBe(0);
    const printed = ofType(run.log, 'stdout').map((e) => e.preview).join('');
    // A preview shows a newline as backslash-n.
    const got = JSON.parse(printed.replace(/\\n$/, '')) as { probeFd: number; mine: number; text: string };
    expect(got.probeFd).toBeGreaterThanOrEqual(3);
    expect(got.mine).toBe(got.probeFd);
    expect(got.text).toBe('');
    const notice = ofType(run.log, 'error').find((e) => e.where === 'probe');
    expect(notice).toMatchObject({ pid: run.end.pid, code: 'ERR_OBRA_CHANNEL_REOPENED' });
    // The records after the takeover still arrive: the call, its spawn and exit.
    const call = ofType(run.log, 'call').find((c) => c.pid === run.end.pid);
    expect(call).toMatchObject({ api: 'execFileSync', command: 'cmd.exe' });
    expect(ofType(run.log, 'exit').find((e) => e.childId === call?.childId)).toMatchObject({ code: 0 });
  });
});
