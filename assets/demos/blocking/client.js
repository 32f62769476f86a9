// El cliente: pide una vez la ruta pesada y, mientras tanto, la ruta rápida
// cuatro veces. Mide cuánto tarda cada respuesta. Solo 127.0.0.1.
// The client: asks the heavy route once and, meanwhile, the fast route four
// times. Measures each answer's latency. Only 127.0.0.1.
const http = require('node:http');

// node client.js <variant> <port>: the variant only names this client (inline / fork).
const port = Number(process.argv[3]);
const FAST_AT_MS = [200, 500, 800, 1100]; // después de pedir /heavy / after asking /heavy

function get(route) {
  return new Promise((resolve, reject) => {
    const sent = process.hrtime.bigint();
    // Cada pedido y su respuesta se avisan al jefe por IPC: se ven en la línea de tiempo.
    // Each request and its answer are told to the boss over IPC: they show on the timeline.
    process.send({ request: route });
    const req = http.get({ host: '127.0.0.1', port, path: route, agent: false, timeout: 5000 }, (res) => {
      res.resume();
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - sent) / 1e6;
        process.send({ response: route, ms: round(ms) });
        resolve(ms);
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${route}: no answer in 5 s`)));
    req.on('error', reject);
  });
}

const round = (ms) => Math.round(ms * 10) / 10;
const later = (ms, fn) => new Promise((resolve) => setTimeout(() => resolve(fn()), ms));

async function main() {
  const idleMs = await get('/fast'); // antes del bloqueo / before the block
  const heavy = get('/heavy');
  const fast = FAST_AT_MS.map((at) => later(at, () => get('/fast')));
  const fastMs = await Promise.all(fast);
  const heavyMs = await heavy;
  // Resultados al jefe por el canal IPC. Results to the boss over IPC.
  process.send({ idleMs: round(idleMs), heavyMs: round(heavyMs), fastMs: fastMs.map(round) });
  process.disconnect();
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
  process.disconnect();
});
