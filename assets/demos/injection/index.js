// Inyección de comandos: exec le pasa la línea entera a un shell, y el shell
// obedece todo lo que hay en ella. Si la línea lleva texto de un usuario, el
// usuario puede agregar un segundo comando. execFile no usa shell: el mismo
// texto llega como un solo argumento y nada más corre. (El "ataque" es un echo
// inofensivo.)
// Command injection: exec hands the whole line to a shell, and the shell obeys
// everything in it. If the line carries a user's text, the user can add a
// second command. execFile uses no shell: the same text arrives as one single
// argument and nothing else runs. (The "attack" is a harmless echo.)
const { exec, execFile } = require('node:child_process');
const path = require('node:path');

const showArgs = path.join(__dirname, 'show-args.js');
// cmd.exe separa comandos con &; los shells de POSIX, con ;.
// cmd.exe separates commands with &; POSIX shells, with ;.
const separator = process.platform === 'win32' ? '&' : ';';
console.log(`platform ${process.platform}: the shell runs the next command after "${separator}"`);

// Lo que un usuario escribió donde se le pedía un nombre de archivo.
// What a user typed where a file name was asked for.
const userText = `plano.txt${separator} echo INJECTED: a second command ran`;
console.log(`user typed: ${userText}`);

// 1) exec: el texto entra en la línea del shell.
//    exec: the text goes into the shell's command line.
exec(`"${process.execPath}" "${showArgs}" ${userText}`, (err, stdout) => {
  console.log(`exec printed:\n${stdout.trim()}`);
  const injected = stdout.split('\n').some((line) => line.trim().startsWith('INJECTED'));
  console.log(`exec: the injected command ${injected ? 'RAN' : 'did not run'}`);

  // 2) execFile: el mismo texto, como un argumento; ningún shell lo lee.
  //    execFile: the same text, as one argument; no shell reads it.
  execFile(process.execPath, [showArgs, userText], (err2, stdout2) => {
    console.log(`execFile printed:\n${stdout2.trim()}`);
    const ran = stdout2.split('\n').some((line) => line.trim().startsWith('INJECTED'));
    console.log(`execFile: the injected command ${ran ? 'RAN' : 'did not run'}`);
  });
});
