import { describe, expect, it } from 'vitest';
import { callsFrom, fixture, jsonLines, observe, ofType } from './observe.test-helper';

describe("errors in the observed program's processes", () => {
  it('an uncaught throw in a child, and scripts that do not parse, are reported by the process that died', async () => {
    const run = await observe(fixture('program-errors-boss.js'));
    const [thrower, badCjs, badEsm] = jsonLines(run.stdout)[0] as { file: string; pid: number; code: number }[];
    const uncaught = ofType(run.records, 'error').filter((e) => e.where === 'uncaught');

    expect(thrower.code).toBe(1);
    expect(uncaught.find((e) => e.pid === thrower.pid)).toMatchObject({
      name: 'TypeError',
      message: 'boom',
      code: null,
      source: { file: fixture('throw-child.js'), line: 4, column: 9 },
    });
    // The call it made just before, in the same turn, was not lost with it.
    const [call] = callsFrom(run.records, 'throw-child.js');
    expect(call).toMatchObject({ pid: thrower.pid, api: 'spawn', command: 'true', source: { line: 3 } });

    expect(badCjs.code).toBe(1);
    expect(uncaught.find((e) => e.pid === badCjs.pid)).toMatchObject({
      name: 'SyntaxError',
      message: 'Function statements require a function name',
      source: { file: badCjs.file, line: 2, column: 1 },
    });

    // An ESM module's SyntaxError carries no location Node lets a program read (see README).
    expect(badEsm.code).toBe(1);
    expect(uncaught.find((e) => e.pid === badEsm.pid)).toMatchObject({ name: 'SyntaxError', message: "Unexpected token ';'" });
  });
});
