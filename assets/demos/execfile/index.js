// execFile: como exec, pero SIN shell. El obrero ejecuta directamente un
// programa (un binario compilado), con sus argumentos en una lista.
// execFile: like exec, but WITHOUT a shell. The worker runs a program (a
// compiled binary) directly, its arguments in a list.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const isWindows = process.platform === 'win32';
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Promesa que SIEMPRE se resuelve: el error también es una respuesta.
// A promise that ALWAYS resolves: an error is an answer too.
function run(file, args) {
  return new Promise((resolve) => {
    execFile(file, args, { cwd: __dirname }, (err, stdout) => resolve({ err, stdout }));
  });
}

async function main() {
  // 1) Un binario de verdad. Windows: where.exe; Linux/macOS: ls.
  //    A real binary. Windows: where.exe; Linux/macOS: ls.
  const [program, args] = isWindows ? ['where.exe', ['/r', '.', '*']] : ['ls', ['-l', '.']];
  console.log(`${process.platform}: execFile("${program}", ${JSON.stringify(args)})`);
  const listing = await run(program, args);
  console.log(listing.err ? `error: ${listing.err.message}` : listing.stdout.trim());
  await pause(400);

  // 2) Un archivo que no es un programa: un plano, no un obrero.
  //    A file that is not a program: a blueprint, not a worker.
  const executable = (fs.statSync(path.join(__dirname, 'plano.txt')).mode & 0o111) !== 0;
  console.log(`execFile("./plano.txt"), executable bit: ${executable ? 'yes' : 'no'}`);
  const notAProgram = await run('./plano.txt', []);
  // Linux/macOS: EACCES. Windows: EFTYPE ("este tipo de archivo no se puede ejecutar").
  console.log(`error: ${notAProgram.err && notAProgram.err.code} · ${notAProgram.err && notAProgram.err.message}`);
  await pause(400);

  // 3) Un archivo que no existe. A file that does not exist.
  console.log('execFile("./no-existe")');
  const missing = await run('./no-existe', []);
  console.log(`error: ${missing.err && missing.err.code} · ${missing.err && missing.err.message}`);
}

main();
