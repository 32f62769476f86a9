// execFile: como exec, pero SIN shell. El obrero ejecuta directamente un
// programa (un binario compilado), con sus argumentos en una lista.
// execFile: like exec, but WITHOUT a shell. The worker runs a program (a
// compiled binary) directly, its arguments in a list.
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const isWindows = process.platform === 'win32';
const here = { cwd: __dirname }; // los archivos de esta demo / this demo's files

// 1) Un binario de verdad. Linux/macOS: ls -l. Windows: attrib.exe (cada archivo y sus atributos).
//    A real binary. Linux/macOS: ls -l. Windows: attrib.exe (each file and its attributes).
function realProgram(next) {
  const [program, args] = isWindows ? ['attrib.exe', ['*']] : ['ls', ['-l', '.']];
  console.log(`${process.platform}: execFile("${program}", ${JSON.stringify(args)})`);
  execFile(program, args, here, (err, stdout) => {
    console.log(err ? `error: ${err.code}` : stdout.trim());
    setTimeout(next, 400);
  });
}

// 2) Un archivo que no es un programa: el obrero busca un ejecutable y
//    encuentra un plano. Linux/macOS: EACCES, que llega al callback.
//    Windows: execFile LANZA el error (EFTYPE, como en los apuntes) y el
//    callback nunca corre: sin try/catch, el jefe se cae.
//    A file that is not a program: the worker looks for an executable and
//    finds a blueprint. Linux/macOS: EACCES, which reaches the callback.
//    Windows: execFile THROWS the error (EFTYPE, as in the notes) and the
//    callback never runs: without try/catch, the boss crashes.
function notAProgram(next) {
  const why = isWindows
    ? 'win32: a program is an .exe, not a permission'
    : `executable bit: ${(fs.statSync(path.join(__dirname, 'plano.txt')).mode & 0o111) !== 0 ? 'yes' : 'no'}`;
  console.log(`execFile("./plano.txt"), ${why}`);
  try {
    execFile('./plano.txt', [], here, (err) => {
      console.log(`callback: ${err && err.code} · ${err && err.message}`);
      setTimeout(next, 400);
    });
  } catch (err) {
    console.log(`thrown: ${err.code} · ${err.message} (the callback never runs)`);
    setTimeout(next, 400);
  }
}

// 3) Un archivo que no existe. A file that does not exist.
function missingProgram() {
  console.log('execFile("./no-existe")');
  execFile('./no-existe', [], here, (err) => {
    console.log(`callback: ${err && err.code} · ${err && err.message}`);
  });
}

realProgram(() => notAProgram(missingProgram));
