import { describe, expect, it } from 'vitest';
import { isBatchPush, parseRequest, parseServerMessage } from './ws-protocol';

describe('parseRequest', () => {
  it('reads a well-formed call', () => {
    const parsed = parseRequest(JSON.stringify({ id: 7, method: 'readDemo', params: ['spawn'] }));
    expect(parsed).toEqual({ ok: true, id: 7, call: { method: 'readDemo', params: ['spawn'] } });
  });

  it('answers unreadable frames with id null', () => {
    for (const text of ['{not json', '[]', '"x"', 'null', JSON.stringify({ method: 'listDemos', params: [] }), JSON.stringify({ id: -1, method: 'listDemos', params: [] }), JSON.stringify({ id: 1.5, method: 'listDemos', params: [] })]) {
      const parsed = parseRequest(text);
      expect(parsed.ok, text).toBe(false);
      if (!parsed.ok) {
        expect(parsed.reply.id).toBeNull();
        expect(parsed.reply.error.code).toBe('ERR_OBRA_BAD_REQUEST');
      }
    }
  });

  it('answers unknown methods and bad params with the request id', () => {
    const unknown = parseRequest(JSON.stringify({ id: 3, method: 'eval', params: ['1+1'] }));
    expect(unknown).toMatchObject({ ok: false, reply: { id: 3, error: { code: 'ERR_OBRA_BAD_REQUEST' } } });
    const bad = parseRequest(JSON.stringify({ id: 4, method: 'startRun', params: [{ demoId: 'x', file: 'y' }] }));
    expect(bad).toMatchObject({ ok: false, reply: { id: 4 } });
    const extra = parseRequest(JSON.stringify({ id: 5, method: 'listDemos', params: [], __proto__x: 1 }));
    expect(extra).toMatchObject({ ok: false, reply: { id: 5 } });
  });
});

describe('parseServerMessage', () => {
  it('tells replies, errors and batch pushes apart', () => {
    const result = parseServerMessage('{"id":1,"result":null}');
    expect(result).toEqual({ id: 1, result: null });
    const error = parseServerMessage('{"id":2,"error":{"code":"ENOENT","message":"gone"}}');
    expect(error).toEqual({ id: 2, error: { code: 'ENOENT', message: 'gone' } });
    const push = parseServerMessage('{"type":"batch","batch":{"runId":"r1","events":[]}}');
    expect(push && isBatchPush(push)).toBe(true);
  });

  it('ignores anything else', () => {
    expect(parseServerMessage('nope')).toBeNull();
    expect(parseServerMessage('{"id":"1","result":1}')).toBeNull();
    expect(parseServerMessage('{"id":1}')).toBeNull();
    expect(parseServerMessage('{"type":"batch","batch":{"events":[]}}')).toBeNull();
    expect(parseServerMessage('{"id":1,"error":"boom"}')).toBeNull();
  });
});
