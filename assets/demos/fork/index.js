// fork: como spawn, pero para otro programa de Node, y con un canal de
// comunicación (IPC): el jefe y el obrero se hablan por eventos, en los dos sentidos.
// fork: like spawn, but for another Node program, with a communication
// channel (IPC): boss and worker talk through events, both ways.
const { fork } = require('node:child_process');
const path = require('node:path');

const jobs = [500000, 1000000, 1500000, 2000000];
let next = 0;

const worker = fork(path.join(__dirname, 'worker.js'));
console.log(`fork(worker.js): pid ${worker.pid}`);

function sendNextJob() {
  if (next < jobs.length) {
    const job = { type: 'job', job: next + 1, below: jobs[next] };
    next += 1;
    console.log(`boss → worker: job ${job.job}, primes below ${job.below}`);
    worker.send(job);
  } else {
    console.log('boss → worker: bye');
    worker.send({ type: 'bye' });
  }
}

// Obrero → jefe: cada mensaje es un evento 'message'.
// Worker → boss: each message is a 'message' event.
worker.on('message', (msg) => {
  if (msg.type === 'ready') {
    console.log(`worker → boss: ready (pid ${msg.pid})`);
  } else {
    console.log(`worker → boss: job ${msg.job} = ${msg.primes} primes in ${msg.ms} ms`);
  }
  sendNextJob();
});

worker.on('disconnect', () => console.log('disconnect: the channel is closed'));
worker.on('exit', (code, signal) => console.log(`exit: code ${code}, signal ${signal}`));
worker.on('close', (code) => console.log(`close: code ${code}`));
