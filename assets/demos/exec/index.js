// exec: el jefe de obra le pide a un obrero que abra una terminal (un shell),
// ejecute un comando, cierre la terminal y le traiga la respuesta completa.
// exec: the boss asks a worker to open a terminal (a shell), run a command,
// close it, and bring back the whole answer.
const { exec } = require('node:child_process');

// El shell cambia según el sistema: /bin/sh en Linux y macOS, cmd.exe en Windows.
// The shell depends on the system: /bin/sh on Linux and macOS, cmd.exe on Windows.
const isWindows = process.platform === 'win32';
const command = isWindows
  ? 'echo hola & ping -n 2 127.0.0.1 > nul & echo aviso 1>&2 & echo chau'
  : 'echo hola; sleep 1; echo aviso 1>&2; echo chau';

console.log(`${process.platform}: shell ${isWindows ? 'cmd.exe' : '/bin/sh'}`);
console.log(`exec("${command}")`);

// 1° parámetro: el comando. 2° parámetro: el callback (err, stdout, stderr).
// 1st argument: the command. 2nd argument: the callback (err, stdout, stderr).
exec(command, (err, stdout, stderr) => {
  // Llega UNA sola vez, al final, con todo junto (buffered).
  // It arrives ONCE, at the end, with everything together (buffered).
  console.log(`callback: err = ${err}`);
  console.log(`stdout = ${JSON.stringify(stdout)}`);
  console.log(`stderr = ${JSON.stringify(stderr)}`);
  setTimeout(commandNotFound, 500);
});

// Un comando que no existe: el shell arranca bien, pero no lo encuentra.
// A command that does not exist: the shell starts fine but cannot find it.
function commandNotFound() {
  console.log('exec("nosuchcmd --flag")');
  exec('nosuchcmd --flag', (err, stdout, stderr) => {
    // El primer argumento del callback es el error.
    // The callback's first argument is the error.
    console.log(`callback: err.code = ${err.code}`);
    console.log(`stderr = ${JSON.stringify(stderr.trim())}`);
  });
}
