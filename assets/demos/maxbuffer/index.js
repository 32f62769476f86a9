// maxBuffer: exec y execFile juntan TODA la respuesta antes de entregarla.
// Si el obrero habla demasiado, "supera el peso permitido": 1 MiB por defecto.
// maxBuffer: exec and execFile gather the WHOLE answer before handing it over.
// If the worker talks too much, it goes over the limit: 1 MiB by default.
const { execFile } = require('node:child_process');
const path = require('node:path');

const KiB = 1024;
const MiB = 1024 * KiB;
const generator = path.join(__dirname, 'generator.js');
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Pide al obrero `bytes` bytes y cuenta lo que llega al callback.
// Asks the worker for `bytes` bytes and counts what reaches the callback.
function ask(bytes, options) {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [generator, String(bytes)], options, (err, stdout) => {
      console.log(`callback: ${stdout.length} bytes, err = ${err ? `${err.code} (${err.message})` : null}`);
      resolve();
    });
    child.on('exit', (code, signal) => console.log(`worker exit: code ${code}, signal ${signal}`));
  });
}

async function main() {
  // 1) Medio MiB: entra. Half a MiB: it fits.
  console.log(`execFile(generator.js, ${512 * KiB} bytes), maxBuffer ${MiB}`);
  await ask(512 * KiB);
  await pause(400);

  // 2) 3 MiB: no entra. Node corta en 1 MiB y despide al obrero (SIGTERM).
  //    exec hace lo mismo (exec usa execFile por dentro).
  //    3 MiB: does not fit. Node cuts at 1 MiB and sends the worker away (SIGTERM).
  //    exec does the same (exec uses execFile inside).
  console.log(`execFile(generator.js, ${3 * MiB} bytes), maxBuffer ${MiB}`);
  await ask(3 * MiB);
  await pause(400);

  // 3) Se puede subir el límite... pero el jefe sigue cargando todo junto.
  //    You can raise the limit... but the boss still holds it all at once.
  console.log(`execFile(generator.js, ${3 * MiB} bytes), maxBuffer ${4 * MiB}`);
  await ask(3 * MiB, { maxBuffer: 4 * MiB });
}

main();
