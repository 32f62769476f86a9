import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const { messageHead } = createRequire(import.meta.url)('./message-preview.cjs') as {
  messageHead(message: unknown): { text: string; cut: boolean };
};

describe("a message's head, built from the value", () => {
  it('is the head of JSON.stringify for what JSON carries', () => {
    for (const m of [{ a: 1, b: [1, 2, { c: 'x"y' }], d: null }, 'text', 42, true, [], {}, { long: 'z'.repeat(100) }]) {
      expect(messageHead(m)).toEqual({ text: JSON.stringify(m), cut: false });
    }
    const long = { s: 'y'.repeat(1000) };
    const head = messageHead(long);
    expect(head.cut).toBe(true);
    expect(JSON.stringify(long).startsWith(head.text)).toBe(true);
  });

  it("names what only 'advanced' carries, without reading all of it", () => {
    expect(messageHead(new Uint8Array(8 * 1024 * 1024)).text).toBe(`Uint8Array(8388608) [${'0,'.repeat(24)}…]`);
    expect(messageHead(new Map([['a', new Set([1n])]])).text).toBe('Map(1) {"a" => Set(1) {1n}}');
    expect(messageHead(new Date(0)).text).toBe('"1970-01-01T00:00:00.000Z"');
    expect(messageHead(new RangeError('too far')).text).toBe('Error: too far');
    expect(messageHead(new ArrayBuffer(5)).text).toBe('ArrayBuffer(5)');
  });

  it("never runs the program's code: getters, toJSON, proxy traps", () => {
    let ran = 0;
    const withGetter = Object.defineProperty({ a: 1 }, 'b', { enumerable: true, get: () => ++ran });
    const withToJSON = { toJSON: () => ++ran, c: 2 };
    const proxy = new Proxy({}, { ownKeys: () => [String(++ran)], get: () => ++ran });
    expect(messageHead(withGetter).text).toBe('{"a":1,"b":[getter]}');
    expect(messageHead(withToJSON).text).toBe('{"c":2}');
    expect(messageHead([proxy]).text).toBe('[Proxy]');
    expect(ran).toBe(0);
  });
});
