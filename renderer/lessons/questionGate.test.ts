import { describe, expect, it } from 'vitest';
import type { NarrationLine } from '../../shared/narration';
import { justBefore, questionCrossed } from './questionGate';

const q = { text: '?', choices: ['a', 'b'], answer: 1 };
const lines: NarrationLine[] = [
  { n: 1, text: 'one', t: 100, reached: true },
  { n: 2, text: 'two', t: 500, reached: true, question: q },
  { n: 3, text: 'three', t: 900, reached: true, question: q },
  { n: 4, text: 'never', t: null, reached: false, question: q },
];

describe('the question gate', () => {
  it('stops a forward move that crosses a question’s event, at the first one crossed', () => {
    expect(questionCrossed(lines, 0, 499)).toBeNull();
    expect(questionCrossed(lines, 0, 500)).toEqual({ n: 2, t: 500 });
    expect(questionCrossed(lines, 0, 2000)).toEqual({ n: 2, t: 500 });
    expect(questionCrossed(lines, 500, 2000)).toEqual({ n: 3, t: 900 });
  });

  it('lets a backward move, a move that stays short of the event, and an unreached question pass', () => {
    expect(questionCrossed(lines, 2000, 0)).toBeNull();
    expect(questionCrossed(lines, 501, 899)).toBeNull();
    expect(questionCrossed(lines.slice(3), 0, Infinity)).toBeNull();
  });

  it('asks just before the event, never before the run began', () => {
    expect(justBefore(500)).toBe(499);
    expect(justBefore(0)).toBe(0);
  });
});
