// execFile: como exec, pero SIN shell. El obrero ejecuta directamente un
// programa (un binario compilado), con sus argumentos en una lista.
// execFile: like exec, but WITHOUT a shell. The worker runs a program (a
// compiled binary) directly, its arguments in a list.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const isWindows = process.platform === 'win32';
const here = { cwd: __dirname }; // los archivos de esta demo / this demo's files

// 1) Un binario de verdad. Linux/macOS: ls. Windows: where.exe.
//    A real binary. Linux/macOS: ls. Windows: where.exe.
function realProgram(next) {
  const [program, args] = isWindows ? ['where.exe', ['/r', '.', '*']] : ['ls', ['-l', '.']];
  console.log(`${process.platform}: execFile("${program}", ${JSON.stringify(args)})`);
  execFile(program, args, here, (err, stdout) => {
    console.log(err ? `error: ${err.code}` : stdout.trim());
    setTimeout(next, 400);
  });
}

// 2) Un archivo que no es un programa: el obrero busca un ejecutable y
//    encuentra un plano. Linux/macOS: EACCES. Windows: EFTYPE, como en los apuntes.
//    A file that is not a program: the worker looks for an executable and
//    finds a blueprint. Linux/macOS: EACCES. Windows: EFTYPE, as in the notes.
function notAProgram(next) {
  const executable = (fs.statSync(path.join(__dirname, 'plano.txt')).mode & 0o111) !== 0;
  console.log(`execFile("./plano.txt"), executable bit: ${executable ? 'yes' : 'no'}`);
  execFile('./plano.txt', [], here, (err) => {
    console.log(`error: ${err && err.code} · ${err && err.message}`);
    setTimeout(next, 400);
  });
}

// 3) Un archivo que no existe. A file that does not exist.
function missingProgram() {
  console.log('execFile("./no-existe")');
  execFile('./no-existe', [], here, (err) => {
    console.log(`error: ${err && err.code} · ${err && err.message}`);
  });
}

realProgram(() => notAProgram(missingProgram));
