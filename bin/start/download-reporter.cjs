// @ts-check
/**
 * Preloaded (`node --require`) into Electron's own installer, which `npm start`
 * runs unmodified: it wraps the global fetch that @electron/get downloads with
 * and tells the launcher, over the IPC channel, what is fetched, how big it is,
 * how far it got, and why a fetch failed (the cause's code, which the
 * installer's own message — "fetch failed" — leaves out). Mirrors, cache,
 * proxy and checksums stay Electron's own.
 *
 * Messages (DownloadReport in install.cjs): request, response, progress, done, failed.
 */
const PROGRESS_EVERY_MS = 200;

/**
 * What a failed fetch or body read says: the code and message of the deepest
 * cause (ENOTFOUND, ECONNREFUSED, a proxy's refusal…), which the error
 * itself ("fetch failed") and a middle layer ("Request was cancelled") hide.
 * @param {unknown} err
 */
function failure(err) {
  /** @type {string | undefined} */
  let code;
  let message = String(/** @type {{ message?: unknown }} */ (err)?.message ?? err);
  let layer = /** @type {{ code?: unknown, message?: unknown, cause?: unknown } | undefined} */ (err);
  for (let depth = 0; layer && depth < 8; depth++) {
    if (typeof layer.code === 'string') code = layer.code;
    if (typeof layer.message === 'string' && layer.message) message = layer.message;
    layer = /** @type {typeof layer} */ (layer.cause);
  }
  return { code, message };
}

if (typeof process.send === 'function' && typeof globalThis.fetch === 'function') {
  const send = process.send.bind(process);
  const fetchOriginal = globalThis.fetch;

  /** @type {typeof fetch} */
  const reportingFetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    send({ kind: 'request', url });
    let response;
    try {
      response = await fetchOriginal(input, init);
    } catch (err) {
      send({ kind: 'failed', url, ...failure(err) });
      throw err;
    }
    const length = Number(response.headers.get('content-length'));
    const total = Number.isFinite(length) && length > 0 ? length : null;
    send({ kind: 'response', url, finalUrl: response.url, status: response.status, total });
    if (!response.ok || !response.body) return response;

    const reader = response.body.getReader();
    let bytes = 0;
    let lastSent = 0;
    const counted = new ReadableStream({
      async pull(controller) {
        let step;
        try {
          step = await reader.read();
        } catch (err) {
          send({ kind: 'failed', url, ...failure(err) });
          controller.error(err);
          return;
        }
        if (step.done) {
          send({ kind: 'done', url, bytes, total });
          controller.close();
          return;
        }
        bytes += step.value.byteLength;
        const now = Date.now();
        if (now - lastSent >= PROGRESS_EVERY_MS) {
          lastSent = now;
          send({ kind: 'progress', url, bytes, total });
        }
        controller.enqueue(step.value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    // The downloader reads response.body; the rest of the response (status, url, headers) stays the real one.
    Object.defineProperty(response, 'body', { value: counted });
    return response;
  };
  globalThis.fetch = reportingFetch;
}
