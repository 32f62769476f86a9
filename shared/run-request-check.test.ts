import { describe, expect, it } from 'vitest';
import { RUN_LIMITS, runRequestProblem } from './run-request-check';

describe('the one check of a run request', () => {
  it('takes cwd only from a local caller (the CLI), never from a page', () => {
    expect(runRequestProblem({ file: '/x/boss.js', cwd: '/x' }, { local: true })).toBeNull();
    expect(runRequestProblem({ file: '/x/boss.js', cwd: '/x' })).toEqual({ code: 'ERR_OBRA_BAD_REQUEST', message: 'unknown field "cwd" in the run request' });
    expect(runRequestProblem({ file: '/x/boss.js', cwd: 'a\0b' }, { local: true })?.message).toMatch(/^cwd must be a path/);
  });

  it('holds every caller to the same limits: paths, args, source name and size, duration', () => {
    const at = (n: number) => 'x'.repeat(n);
    expect(runRequestProblem({ file: at(RUN_LIMITS.pathChars) })).toBeNull();
    expect(runRequestProblem({ file: at(RUN_LIMITS.pathChars + 1) })?.code).toBe('ERR_OBRA_BAD_REQUEST');
    expect(runRequestProblem({ demoId: 'fork', args: Array(RUN_LIMITS.args).fill('a') })).toBeNull();
    expect(runRequestProblem({ demoId: 'fork', args: Array(RUN_LIMITS.args + 1).fill('a') })).not.toBeNull();
    expect(runRequestProblem({ demoId: 'fork', args: [at(RUN_LIMITS.argChars + 1)] })).not.toBeNull();
    expect(runRequestProblem({ source: { name: at(RUN_LIMITS.sourceNameChars - 3) + '.js', text: '' } })).toBeNull();
    expect(runRequestProblem({ source: { name: at(RUN_LIMITS.sourceNameChars - 2) + '.js', text: '' } })).not.toBeNull();
    expect(runRequestProblem({ demoId: 'fork', maxDurationMs: RUN_LIMITS.maxDurationMs })).toBeNull();
    expect(runRequestProblem({ demoId: 'fork', maxDurationMs: RUN_LIMITS.maxDurationMs + 1 })).not.toBeNull();
  });

  it('counts uploaded source in UTF-8 bytes, as it travels', () => {
    const euros = '€'.repeat(Math.floor(RUN_LIMITS.sourceBytes / 3));
    expect(runRequestProblem({ source: { name: 'a.js', text: euros } })).toBeNull();
    expect(runRequestProblem({ source: { name: 'a.js', text: euros + '€' } })?.message).toMatch(/at most \d+ bytes/);
    expect(runRequestProblem({ source: { name: 'a.js', text: '😀'.repeat(Math.floor(RUN_LIMITS.sourceBytes / 4)) } })).toBeNull();
  });

  it('says ERR_OBRA_NOT_A_SCRIPT for source that is not a script, and refuses a hidden name', () => {
    expect(runRequestProblem({ source: { name: 'notes.txt', text: '' } })).toEqual({ code: 'ERR_OBRA_NOT_A_SCRIPT', message: 'Obra runs Node scripts (.js, .mjs, .cjs); this is not one: notes.txt' });
    expect(runRequestProblem({ source: { name: '.hidden.js', text: '' } })?.code).toBe('ERR_OBRA_BAD_REQUEST');
  });
});
