// maxBuffer: exec y execFile juntan TODA la respuesta antes de entregarla.
// Si el obrero habla demasiado, "supera el peso permitido": 1 MiB por defecto.
// maxBuffer: exec and execFile gather the WHOLE answer before handing it over.
// If the worker talks too much, it goes over the limit: 1 MiB by default.
// (exec hace lo mismo: usa execFile por dentro / exec does the same: it uses execFile inside.)
const { execFile } = require('node:child_process');
const path = require('node:path');

const MiB = 1024 * 1024;
const generator = path.join(__dirname, 'generator.js'); // escribe N bytes / writes N bytes

const showExit = (code, signal) => console.log(`worker exit: code ${code}, signal ${signal}`);
const showAnswer = (err, stdout) => console.log(`callback: ${stdout.length} bytes, err = ${err ? err.code : null}`);

// 1) Medio MiB: entra. Half a MiB: it fits.
function halfMiB(next) {
  console.log(`execFile(generator.js ${MiB / 2}), maxBuffer ${MiB}`);
  const child = execFile(process.execPath, [generator, String(MiB / 2)], (err, stdout) => {
    showAnswer(err, stdout);
    setTimeout(next, 400);
  });
  child.on('exit', showExit);
}

// 2) 3 MiB: no entra. Node corta en 1 MiB y despide al obrero (SIGTERM).
//    3 MiB: does not fit. Node cuts at 1 MiB and sends the worker away (SIGTERM).
function threeMiB(next) {
  console.log(`execFile(generator.js ${3 * MiB}), maxBuffer ${MiB}`);
  const child = execFile(process.execPath, [generator, String(3 * MiB)], (err, stdout) => {
    showAnswer(err, stdout);
    setTimeout(next, 400);
  });
  child.on('exit', showExit);
}

// 3) Se puede subir el límite... pero el jefe sigue cargando todo junto en memoria.
//    You can raise the limit... but the boss still holds it all in memory at once.
function raisedLimit() {
  console.log(`execFile(generator.js ${3 * MiB}), maxBuffer ${4 * MiB}`);
  const child = execFile(process.execPath, [generator, String(3 * MiB)], { maxBuffer: 4 * MiB }, showAnswer);
  child.on('exit', showExit);
}

halfMiB(() => threeMiB(raisedLimit));
