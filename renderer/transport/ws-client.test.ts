import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../shared/api';
import { createWsApi } from './ws-client';

describe('the browser transport', () => {
  it('refuses a call bigger than one message to obra serve carries, with ERR_OBRA_TOO_LARGE, before sending it (the server would close the socket)', async () => {
    // Nothing listens here: a call that went out would fail with another error.
    const api = createWsApi('ws://127.0.0.1:9/api?token=t');
    const files = [{ path: 'big.json', text: '"\n'.repeat(MAX_REQUEST_BYTES / 3) }];
    await expect(api.startRun({ source: { name: 'boss.js', text: '' }, files })).rejects.toMatchObject({ code: 'ERR_OBRA_TOO_LARGE', message: expect.stringMatching(/more than the 2097152/) });
    api.close();
  });
});
