// El index bloqueante: un servidor HTTP con una ruta pesada que bloquea el
// bucle de eventos. Mientras el jefe calcula, nadie más es atendido.
// Después, el mismo servidor le pasa el trabajo pesado a un obrero (fork).
// The blocking index: an HTTP server whose heavy route blocks the event loop.
// While the boss computes, nobody else is served. Then the same server hands
// the heavy work to a worker (fork).
const http = require('node:http');
const path = require('node:path');
const { fork } = require('node:child_process');

const HEAVY_MS = 1500;
let heavyInWorker = false;

function heavyMath(ms) {
  const until = Date.now() + ms;
  let sum = 0;
  while (Date.now() < until) sum += Math.sqrt(sum + 1);
  return Math.round(sum);
}

const server = http.createServer((req, res) => {
  if (req.url === '/fast') {
    res.end('fast\n');
  } else if (req.url === '/heavy' && !heavyInWorker) {
    // Variante 1: el jefe calcula él mismo y el hilo queda bloqueado.
    // Variant 1: the boss computes himself and the thread is blocked.
    res.end(`heavy ${heavyMath(HEAVY_MS)}\n`);
  } else if (req.url === '/heavy') {
    // Variante 2: un obrero calcula; el jefe sigue atendiendo.
    // Variant 2: a worker computes; the boss keeps serving.
    const worker = fork(path.join(__dirname, 'heavy-worker.js'));
    worker.once('message', ({ sum }) => res.end(`heavy ${sum}\n`));
    worker.send({ ms: HEAVY_MS });
  } else {
    res.statusCode = 404;
    res.end();
  }
});

// El cliente es otro proceso; nos manda sus mediciones por IPC.
// The client is another process; it sends us its measurements over IPC.
function measure(variant) {
  return new Promise((resolve) => {
    const client = fork(path.join(__dirname, 'client.js'), [variant, String(server.address().port)]);
    // Primero un aviso por pedido y por respuesta; al final, las mediciones.
    // First a note per request and per answer; at the end, the measurements.
    client.on('message', (result) => {
      if (!result.fastMs) return;
      console.log(JSON.stringify({ variant, fastMs: result.fastMs, idleMs: result.idleMs }));
      resolve(result);
    });
    client.once('exit', () => resolve(null));
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : Math.round(((s[mid - 1] + s[mid]) / 2) * 10) / 10;
}

server.listen(0, '127.0.0.1', async () => {
  console.log(`server on 127.0.0.1:${server.address().port}, /heavy = ${HEAVY_MS} ms of math`);
  const inline = await measure('inline');
  heavyInWorker = true;
  await new Promise((resolve) => setTimeout(resolve, 300));
  const forked = await measure('fork');
  if (inline && forked) {
    const ratio = median(inline.fastMs) / median(forked.fastMs);
    console.log(`/fast during the block: median ${median(inline.fastMs)} ms vs ${median(forked.fastMs)} ms (x${Math.round(ratio)})`);
  }
  server.close();
});
