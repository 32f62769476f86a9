import { describe, expect, it } from 'vitest';
import { checkEvent } from './event-check';
import { ColumnsWriter, type EventColumns } from './event-columns';
import type { LabEvent } from './events';
import { ShapedLines } from './shaped-lines';

/** Lines as the lab writes them, one of each form this reader takes (escapes and all). */
const LAB_LINES = [
  '{"type":"message","t":271100,"pid":5816,"dir":"recv","from":5824,"to":5816,"seq":1,"bytes":8,"preview":"{\\"n\\":0}"}',
  '{"type":"message","t":271101,"pid":5824,"dir":"send","from":5824,"to":5816,"seq":-3,"bytes":0,"preview":"x","count":5,"lastSeq":9,"firstSeq":5}',
  '{"type":"stdout","t":293411,"pid":5824,"childId":"5816:2","bytes":219,"preview":"chunk \\nchunk chun…"}',
  '{"type":"stderr","t":0,"pid":5824,"childId":"boss","bytes":1,"preview":"é\\u0041\\t","count":2}',
  '{"type":"stdout","t":5,"pid":1,"childId":"7:t2.3","bytes":3,"preview":""}',
  '{"type":"task","t":152091,"pid":5816,"kind":"other","dur":36367,"label":"main"}',
  '{"type":"task","t":267684,"pid":5824,"kind":"timer","dur":17017,"due":267729,"label":"setInterval 5 ms","source":{"file":"/demo/flood.js","line":17,"column":3}}',
];

/** Characters that turn a line into a near miss: spaces, digits, signs, fractions, quotes, escapes, controls. */
const MISS_CHARS = [' ', '0', '1', '9', '-', '+', '.', 'e', 'E', '"', '\\', 'x', '}', '{', ',', ':', '\t', '\u0001', '\r', 'n'];

/** What one line makes of a fresh columns writer, read by the shaped reader (null: not taken). */
function shaped(line: string, padded = false): EventColumns | null {
  const columns = new ColumnsWriter(1);
  // The line read where it sits in a larger text, as the batcher reads it.
  const text = padded ? `garbage\n${line}\n{"more":1}` : line;
  const from = padded ? 8 : 0;
  if (!new ShapedLines(columns).take(text, from, from + line.length)) {
    expect(columns.events).toBe(0);
    return null;
  }
  return columns.take();
}

/** What the same line makes when read as every line is read: JSON.parse, the check, then the columns (null: refused). */
function parsed(line: string): EventColumns | null {
  let value: unknown;
  try {
    value = JSON.parse(line.endsWith('\r') ? line.slice(0, -1) : line);
  } catch {
    return null;
  }
  const checked = checkEvent(value, 'log');
  if (!('event' in checked)) return null;
  const columns = new ColumnsWriter(1);
  columns.add(checked.event as LabEvent, line);
  return columns.take();
}

/** Every near miss of a line: each character left out, replaced, or preceded by another. */
function nearMisses(line: string): string[] {
  const out: string[] = [];
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length) out.push(line.slice(0, i) + line.slice(i + 1));
    for (const c of MISS_CHARS) {
      if (i < line.length) out.push(line.slice(0, i) + c + line.slice(i + 1));
      out.push(line.slice(0, i) + c + line.slice(i));
    }
  }
  return out;
}

const plain = (c: EventColumns | null) => c && { ...c, shapes: [...c.shapes], numbers: [...c.numbers], refs: [...c.refs] };

describe('the lab\'s common lines read straight into columns', () => {
  it('takes each form the lab writes, writing what JSON.parse and the check would have', () => {
    for (const line of LAB_LINES) {
      const got = shaped(line);
      expect(got, line).not.toBeNull();
      // In columns, not as a line of JSON.
      expect(got?.json).toBe('[]');
      expect(plain(got)).toEqual(plain(parsed(line)));
      expect(plain(shaped(line, true))).toEqual(plain(got));
      expect(plain(shaped(`${line}\r`))).toEqual(plain(got));
    }
  });

  it('never takes a near miss the check refuses, and writes any it takes as the check would', () => {
    let taken = 0;
    let refused = 0;
    for (const line of LAB_LINES) {
      for (const miss of nearMisses(line)) {
        const got = shaped(miss);
        const want = parsed(miss);
        if (got === null) {
          if (want === null) refused++;
          continue;
        }
        taken++;
        expect(want, miss).not.toBeNull();
        expect(plain(got), miss).toEqual(plain(want));
      }
    }
    // The near misses hold both kinds: lines it takes (a digit more) and lines the check refuses.
    expect(taken).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(5_000);
  });

  it('leaves to JSON.parse what it does not read itself: spaces, fractions, exponents, -0, long numbers, a null pid', () => {
    const message = LAB_LINES[0];
    for (const line of [
      message.replace('"t":271100', '"t": 271100'),
      message.replace('"t":271100', '"t":271100.5'),
      message.replace('"t":271100', '"t":2711e2'),
      message.replace('"t":271100', '"t":-0'),
      message.replace('"t":271100', '"t":1234567890123456'),
      message.replace('"pid":5816', '"pid":null'),
      `${message} `,
      ` ${message}`,
    ]) {
      expect(shaped(line), line).toBeNull();
      expect(parsed(line), line).not.toBeNull();
    }
    expect(shaped(message.replace('"t":271100', '"t":123456789012345'))).not.toBeNull();
  });

  it('refuses nothing itself: fields the check refuses are left to it', () => {
    const [message, run, output, , , task, timer] = LAB_LINES;
    for (const line of [
      message.replace('"bytes":8', '"bytes":-8'),
      message.replace('"recv"', '"sent"'),
      run.replace('"count":5', '"count":-5'),
      output.replace('"5816:2"', '"5816:x"'),
      output.replace('"5816:2"', '"bosses"'),
      task.replace('"other"', '"others"'),
      task.replace('"main"', `"${'m'.repeat(201)}"`),
      timer.replace('"dur":17017', '"dur":-1'),
      output.replace('chunk \\n', 'chunk \n'),
      output.replace('chunk \\n', 'chunk \\x'),
      message.replace('"preview":"{\\"n\\":0}"', '"preview":8'),
    ]) {
      expect(shaped(line), line).toBeNull();
      expect(parsed(line), line).toBeNull();
    }
    expect(shaped(task.replace('"main"', `"${'m'.repeat(200)}"`))).not.toBeNull();
  });

  it('keeps the writer\'s shared texts in step over many lines, as if each had been parsed', () => {
    const fast = new ColumnsWriter(100);
    const slow = new ColumnsWriter(100);
    const reader = new ShapedLines(fast);
    for (let k = 0; k < 10; k++) {
      for (const line of LAB_LINES) {
        const copy = line.replace(/"t":\d+/, `"t":${k}`);
        expect(reader.take(copy, 0, copy.length)).toBe(true);
        slow.add(checkEventOf(copy), copy);
      }
    }
    expect(plain(fast.take())).toEqual(plain(slow.take()));
  });
});

function checkEventOf(line: string): LabEvent {
  const checked = checkEvent(JSON.parse(line), 'log');
  if (!('event' in checked)) throw new Error(checked.refused);
  return checked.event;
}
