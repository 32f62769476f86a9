import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../shared/events';
import { MESSAGES } from '../i18n';
import { describeEvent } from './describeEvent';

const chunk: LabEvent = { type: 'stdout', t: 10, pid: 2, childId: '1:1', bytes: 4096, preview: 'x' };
const run: LabEvent = { type: 'stderr', t: 10, pid: 2, childId: '1:1', bytes: 70_000, preview: 'x', count: 3 };

describe('an event in words', () => {
  it('says output with its real numbers, in the reader’s language and grammar', () => {
    expect(describeEvent(chunk, MESSAGES.es, 'es')).toBe('stdout: 4.096 bytes en 1 cuota');
    expect(describeEvent(chunk, MESSAGES.en, 'en')).toBe('stdout: 4,096 bytes in 1 chunk');
    expect(describeEvent(run, MESSAGES.en, 'en')).toBe('stderr: 70,000 bytes in 3 chunks');
  });

  it('gives an error Node’s code and message, and a signal by name', () => {
    const error: LabEvent = { type: 'error', t: 1, pid: null, where: 'child', childId: '1:2', name: 'Error', code: 'ENOENT', message: 'spawn nope ENOENT' };
    expect(describeEvent(error, MESSAGES.en, 'en')).toBe('ENOENT: spawn nope ENOENT');
    const killed: LabEvent = { type: 'exit', t: 1, pid: 3, childId: '1:3', code: null, signal: 'SIGTERM' };
    expect(describeEvent(killed, MESSAGES.es, 'es')).toBe('exit: terminado por SIGTERM');
  });
});
