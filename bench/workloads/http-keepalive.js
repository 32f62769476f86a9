// An HTTP server on 127.0.0.1 and a keep-alive client in the same process, N requests one after another.
'use strict';
const http = require('node:http');
const { elapsedMs, report } = require('./report');

const total = Number(process.argv[2] || 3000);
const server = http.createServer((req, res) => res.end('ok'));
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
server.listen(0, '127.0.0.1', async () => {
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  let answers = 0;
  for (let i = 0; i < total; i++) {
    await new Promise((done) => http.get({ host: '127.0.0.1', port, agent }, (res) => res.resume().on('end', done)));
    answers++;
  }
  agent.destroy();
  server.close();
  report({ ms: elapsedMs(), answers });
});
