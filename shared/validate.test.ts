import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from './api';
import { BAD_REQUEST, errorFromShape, toErrorShape, validateCall } from './validate';

function refusal(method: unknown, params: unknown): string {
  const check = validateCall(method, params);
  if (check.ok) throw new Error(`expected ${String(method)} to be refused`);
  expect(check.error.code).toBe(BAD_REQUEST);
  return check.error.message;
}

describe('validateCall', () => {
  it('accepts every method of the API with well-formed arguments', () => {
    expect(validateCall('listDemos', []).ok).toBe(true);
    expect(validateCall('readDemo', ['event-loop']).ok).toBe(true);
    expect(validateCall('stopRun', ['run-1a2b']).ok).toBe(true);
    expect(validateCall('startRun', [{ demoId: 'fork', args: ['x'], maxDurationMs: 5000 }]).ok).toBe(true);
    expect(validateCall('startRun', [{ file: '/tmp/a.js', callbacks: false }]).ok).toBe(true);
    expect(validateCall('startRun', [{ file: '/home/ana/boss.js' }]).ok).toBe(true);
    expect(validateCall('startRun', [{ source: { name: 'mine.mjs', text: 'console.log(1)' } }]).ok).toBe(true);
  });

  it('refuses methods the API does not have, including inherited names', () => {
    expect(refusal('rm', [])).toMatch(/unknown method "rm"/);
    expect(refusal('constructor', [])).toMatch(/unknown method/);
    expect(refusal('subscribe', [])).toMatch(/unknown method/);
    expect(refusal(42, [])).toMatch(/unknown method number/);
  });

  it('refuses params that are not an array or have the wrong count', () => {
    expect(refusal('listDemos', { 0: 'x' })).toMatch(/params must be an array/);
    expect(refusal('listDemos', ['extra'])).toMatch(/takes no arguments/);
    expect(refusal('readDemo', [])).toMatch(/one argument/);
    expect(refusal('stopRun', ['a', 'b'])).toMatch(/one argument/);
  });

  it('refuses demo ids that could name a path', () => {
    expect(refusal('readDemo', ['../../etc'])).toMatch(/kebab-case/);
    expect(refusal('readDemo', ['Fork'])).toMatch(/kebab-case/);
    expect(refusal('startRun', [{ demoId: 'a/b' }])).toMatch(/demoId/);
  });

  it('refuses run requests with no target, two targets or unknown fields', () => {
    expect(refusal('startRun', [{}])).toMatch(/exactly one of/);
    expect(refusal('startRun', [{ demoId: 'exec', file: '/x.js' }])).toMatch(/exactly one of/);
    expect(refusal('startRun', [{ demoId: 'exec', env: { NODE_OPTIONS: '--inspect' } }])).toMatch(/unknown field "env"/);
    expect(refusal('startRun', [null])).toMatch(/must be an object/);
    expect(refusal('startRun', [[]])).toMatch(/must be an object/);
  });

  it('refuses malformed files, sources, args and durations', () => {
    expect(refusal('startRun', [{ file: '' }])).toMatch(/file must be a path/);
    expect(refusal('startRun', [{ file: '/x\0.js' }])).toMatch(/file must be a path/);
    expect(refusal('startRun', [{ source: { name: '../x.js', text: '' } }])).toMatch(/inside the run's folder/);
    expect(refusal('startRun', [{ source: { name: 'x.js', text: 1 } }])).toMatch(/source.text/);
    expect(refusal('startRun', [{ source: { name: 'x.js', text: 'x'.repeat(MAX_REQUEST_BYTES + 1) } }])).toMatch(/size limit/);
    expect(refusal('startRun', [{ source: { name: 'x.js', text: '', cwd: '/' } }])).toMatch(/exactly name and text/);
    expect(refusal('startRun', [{ demoId: 'fork', files: [{ path: '../../etc/x.js', text: '' }] }])).toMatch(/not a path inside/);
    expect(refusal('startRun', [{ source: { name: 'src/boss.js', text: '' }, files: [{ path: 'src/boss.js', text: '' }] }])).toMatch(/given twice/);
    expect(validateCall('startRun', [{ source: { name: 'src/boss.js', text: '' }, files: [{ path: 'lib/w.js', text: '' }] }]).ok).toBe(true);
    expect(refusal('startRun', [{ demoId: 'exec', args: 'a b' }])).toMatch(/args must be an array/);
    expect(refusal('startRun', [{ demoId: 'exec', args: [1] }])).toMatch(/every arg/);
    expect(refusal('startRun', [{ demoId: 'exec', maxDurationMs: Infinity }])).toMatch(/maxDurationMs/);
    expect(refusal('startRun', [{ demoId: 'exec', maxDurationMs: -5 }])).toMatch(/maxDurationMs/);
    expect(refusal('startRun', [{ demoId: 'exec', maxDurationMs: 1.5 }])).toMatch(/maxDurationMs/);
    expect(refusal('startRun', [{ demoId: 'exec', callbacks: 'no' }])).toMatch(/callbacks must be true or false/);
  });

  it('refuses objects that are not plain JSON objects', () => {
    class Sneaky {
      demoId = 'exec';
    }
    expect(refusal('startRun', [new Sneaky()])).toMatch(/must be an object/);
  });
});

describe('error shapes', () => {
  it('keep Node codes and fall back to ERR_OBRA_INTERNAL', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file, open '/x.js'"), { code: 'ENOENT' });
    expect(toErrorShape(enoent)).toEqual({ code: 'ENOENT', message: "ENOENT: no such file, open '/x.js'" });
    expect(toErrorShape(new Error('boom'))).toEqual({ code: 'ERR_OBRA_INTERNAL', message: 'boom' });
    expect(toErrorShape('text')).toEqual({ code: 'ERR_OBRA_INTERNAL', message: 'text' });
  });

  it('become Errors whose code and message survive the trip', () => {
    const err = errorFromShape({ code: 'ENOENT', message: 'gone' });
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('ENOENT');
    expect(err.message).toBe('gone');
  });
});
