// Node se ejecuta en un solo hilo: el jefe de obra hace una cosa por vez.
// Node runs on one thread: the boss does one thing at a time.
//
// 1) Asincrónico: el jefe manda a hacer dos encargos (un temporizador y leer un
//    archivo), sigue con su pila de tareas y retoma cada encargo cuando avisa.
//    Async: the boss sends off two errands (a timer, a file read), goes on with
//    its stack, and picks each one up when it reports back.
// 2) Sincrónico: el jefe se pone a hacer una cuenta larga él mismo. Mientras
//    tanto no atiende a nadie: el temporizador avisa tarde.
//    Sync: the boss does a long sum himself. Meanwhile nobody is served: the
//    timer fires late.
const fs = require('node:fs');

const start = Date.now();
const elapsed = () => Date.now() - start;

function asyncErrands(done) {
  console.log('async: setTimeout(400) + fs.readFile()');

  // Encargo 1: un temporizador. Errand 1: a timer.
  setTimeout(() => {
    console.log(`timer 400 ms: fired at ${elapsed()} ms`);
    done();
  }, 400);

  // Encargo 2: leer un archivo (este mismo). Errand 2: read a file (this one).
  fs.readFile(__filename, (err, data) => {
    if (err) throw err;
    console.log(`readFile: ${data.length} bytes at ${elapsed()} ms`);
  });

  // Mientras tanto, el jefe sigue con su pila. Meanwhile the boss goes on.
  for (let task = 1; task <= 3; task++) {
    console.log(`stack: task ${task} done at ${elapsed()} ms`);
  }
}

// Una cuenta que no suelta el hilo durante `ms` milisegundos.
// A sum that keeps the thread for `ms` milliseconds.
function busySum(ms) {
  const until = Date.now() + ms;
  let sum = 0;
  while (Date.now() < until) sum += Math.sqrt(sum + 1);
  return sum;
}

function syncWork() {
  const t0 = elapsed();
  console.log('sync: setTimeout(100) + readFileSync() + 1500 ms of math');
  setTimeout(() => {
    console.log(`timer 100 ms: fired at +${elapsed() - t0} ms (late)`);
  }, 100);

  const data = fs.readFileSync(__filename); // bloquea (poco) / blocks (a little)
  console.log(`readFileSync: ${data.length} bytes`);
  busySum(1500); // bloquea (mucho) / blocks (a lot)
  console.log(`math: done at +${elapsed() - t0} ms, the loop was blocked`);
}

asyncErrands(() => {
  // Una pausa ociosa: el bucle de eventos espera sin trabajar.
  // An idle pause: the event loop waits without working.
  setTimeout(syncWork, 500);
});
