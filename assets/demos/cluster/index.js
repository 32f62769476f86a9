// cluster: un servidor HTTP en cada núcleo. El proceso primario hace fork de
// un obrero por núcleo; todos escuchan el mismo puerto y el primario les
// reparte las conexiones. Las peticiones las hace el propio primario, a 127.0.0.1.
// cluster: an HTTP server on every core. The primary process forks one worker
// per core; they all listen on the same port and the primary hands out the
// connections. The primary itself makes the requests, to 127.0.0.1.
const cluster = require('node:cluster');
const http = require('node:http');
const os = require('node:os');

const REQUESTS = 8;

if (cluster.isPrimary) primary();
else worker();

function primary() {
  // Por turnos (round-robin) en todos los sistemas; en Windows no es lo predeterminado.
  // Taking turns (round-robin) on every system; on Windows it is not the default.
  cluster.schedulingPolicy = cluster.SCHED_RR;
  const workers = Math.min(4, os.availableParallelism());
  console.log(`primary ${process.pid}: forking ${workers} workers`);
  for (let i = 0; i < workers; i++) {
    cluster.fork(); // el mismo index.js, ahora como obrero / the same index.js, now as a worker
  }

  let listening = 0;
  cluster.on('listening', (w, address) => {
    listening += 1;
    console.log(`worker ${w.id} (pid ${w.process.pid}) listening on 127.0.0.1:${address.port}`);
    if (listening === workers) sendRequests(address.port);
  });
  // Cada obrero avisa por IPC qué petición atendió.
  // Each worker says over IPC which request it served.
  cluster.on('message', (w, msg) => console.log(`worker ${w.id} served ${msg.served}`));
}

async function sendRequests(port) {
  const servedBy = {};
  for (let i = 1; i <= REQUESTS; i++) {
    // agent: false: una conexión nueva por petición, así el primario la reparte.
    // agent: false: a new connection per request, so the primary hands it out.
    const body = await get(`http://127.0.0.1:${port}/job/${i}`);
    const id = /^worker (\d+)/.exec(body)[1];
    servedBy[id] = (servedBy[id] ?? 0) + 1;
    console.log(`GET /job/${i} → ${body.trim()}`);
  }
  const spread = Object.entries(servedBy).map(([id, n]) => `worker ${id}: ${n}`);
  console.log(`${REQUESTS} requests spread as ${spread.join(', ')}`);
  // disconnect: cada obrero cierra su servidor y termina.
  // disconnect: each worker closes its server and ends.
  cluster.disconnect(() => console.log('every worker has left'));
}

function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(body));
      })
      .on('error', reject);
  });
}

function worker() {
  const id = cluster.worker.id;
  http
    .createServer((req, res) => {
      process.send({ served: req.url });
      res.end(`worker ${id} (pid ${process.pid}) served ${req.url}\n`);
    })
    .listen(0, '127.0.0.1'); // puerto 0: el primario elige uno para todos / the primary picks one for all
}
