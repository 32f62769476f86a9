// spawn: la respuesta llega "en cuotas" (chunks), a medida que el obrero la
// produce. No hay límite de tamaño, pero hay que atajarla como eventos.
// spawn: the answer arrives in instalments (chunks), as the worker produces
// it. There is no size limit, but you catch it as events.
const { spawn } = require('node:child_process');
const path = require('node:path');

const MiB = 1024 * 1024;
const isWindows = process.platform === 'win32';
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// 1) Los mismos 3 MiB que no entraban en maxBuffer.
//    The same 3 MiB that did not fit in maxBuffer.
function sameBigOutput() {
  return new Promise((resolve) => {
    const bytes = 3 * MiB;
    console.log(`spawn(node generator.js ${bytes})`);
    const child = spawn(process.execPath, [path.join(__dirname, 'generator.js'), String(bytes)]);

    // Mientras llegan las cuotas, el jefe sigue libre para otras cosas.
    // While the chunks arrive, the boss is still free for other things.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);

    let received = 0;
    let chunks = 0;
    child.stdout.on('data', (chunk) => {
      received += chunk.length;
      chunks += 1;
      if (chunks <= 3) console.log(`chunk ${chunks}: ${chunk.length} bytes`);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      console.log(`close ${code}: ${received} of ${bytes} bytes in ${chunks} chunks; boss ticks meanwhile: ${ticks}`);
      resolve();
    });
  });
}

// 2) El comando de los apuntes: listar todos los archivos de la pc.
//    El jefe se queda con los primeros 4 MiB (o 3 s) y despide al obrero.
//    The notes' command: list every file on the computer. The boss keeps the
//    first 4 MiB (or 3 s) and sends the worker away.
function listEveryFile() {
  return new Promise((resolve) => {
    const [program, args] = isWindows ? ['cmd.exe', ['/d', '/c', 'dir', '/s', '/b', 'C:\\']] : ['find', ['/']];
    console.log(`${process.platform}: spawn("${program}", ${JSON.stringify(args)})`);
    const child = spawn(program, args);
    const enough = () => child.kill();
    const deadline = setTimeout(enough, 3000);

    let received = 0;
    let chunks = 0;
    child.stdout.on('data', (chunk) => {
      received += chunk.length;
      chunks += 1;
      if (received >= 4 * MiB) enough();
    });
    child.stderr.on('data', () => {}); // p. ej. "Permission denied" / e.g. "Permission denied"
    child.on('error', (err) => console.log(`error: ${err.code}`));
    child.on('close', (code, signal) => {
      clearTimeout(deadline);
      console.log(`close ${code} ${signal}: ${received} bytes in ${chunks} chunks`);
      resolve();
    });
  });
}

sameBigOutput()
  .then(() => pause(500))
  .then(listEveryFile);
