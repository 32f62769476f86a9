// Despedir obreros: timeout, AbortSignal, kill(), los huérfanos que deja
// exec con una tubería (y cómo limpiarlos matando al grupo), y exit vs close.
// Sending workers away: timeout, AbortSignal, kill(), the orphans exec + a
// pipe leaves behind (and cleaning them with a group kill), and exit vs close.
const { exec, execFile, spawn } = require('node:child_process');
const { childrenOf, isAlive, groupIsAlive, describe } = require('./processes');

const isWindows = process.platform === 'win32';
// Un obrero que no hace nada durante 30 s. A worker that idles for 30 s.
const [SLEEP, SLEEP_ARGS] = isWindows ? ['ping', ['-n', '31', '127.0.0.1']] : ['sleep', ['30']];
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Espera (hasta 3 s) a que `done()` sea verdad. Waits (up to 3 s) for `done()` to be true.
async function waitFor(done) {
  for (let i = 0; i < 150 && !done(); i++) await pause(20);
}

// 1) timeout: Node lo despide solo después de 500 ms.
//    timeout: Node sends it away by itself after 500 ms.
function withTimeout() {
  console.log(`1) execFile("${SLEEP}", ${JSON.stringify(SLEEP_ARGS)}, { timeout: 500 })`);
  return new Promise((resolve) => {
    execFile(SLEEP, SLEEP_ARGS, { timeout: 500 }, (err) => {
      console.log(`callback: killed ${err.killed}, signal ${err.signal}`);
      resolve();
    });
  });
}

// 2) AbortSignal: otra parte del programa dice "basta".
//    AbortSignal: another part of the program says "enough".
function withAbortSignal() {
  console.log('2) spawn(..., { signal }) + controller.abort()');
  const controller = new AbortController();
  const child = spawn(SLEEP, SLEEP_ARGS, { signal: controller.signal });
  child.on('error', (err) => console.log(`error: ${err.name} ${err.code}`));
  setTimeout(() => controller.abort(), 300);
  return new Promise((resolve) => child.on('exit', (code, signal) => {
    console.log(`exit: code ${code}, signal ${signal}`);
    resolve();
  }));
}

// 3) kill(): el jefe lo despide él mismo. kill(): the boss does it himself.
function withKill() {
  console.log('3) spawn() + child.kill()');
  const child = spawn(SLEEP, SLEEP_ARGS);
  setTimeout(() => console.log(`child.kill() → ${child.kill()}`), 300);
  return new Promise((resolve) => child.on('exit', (code, signal) => {
    // Después de exit, kill() ya no tiene a quién despedir: false.
    // After exit, kill() has nobody left to send away: false.
    console.log(`exit: code ${code}, signal ${signal}; kill() again → ${child.kill()}`);
    resolve();
  }));
}

// 4) exec + una tubería: kill() solo despide al shell; sleep y cat quedan
//    huérfanos (su nuevo padre es el pid 1) y siguen trabajando.
//    exec + a pipe: kill() only sends the shell away; sleep and cat are
//    orphaned (their new parent is pid 1) and keep working.
async function orphansOfAPipe() {
  console.log('4) exec("sleep 30 | cat") + child.kill()');
  const started = Date.now();
  const child = exec('sleep 30 | cat', () => {
    console.log(`exec callback at +${Date.now() - started} ms (only once the pipe closed)`);
  });
  child.on('exit', (code, signal) => console.log(`shell exit: code ${code}, signal ${signal}`));
  await pause(300);
  const helpers = childrenOf(child.pid).map((p) => p.pid); // sleep y cat / sleep and cat
  child.kill();
  await pause(300);
  const orphans = helpers.filter(isAlive);
  console.log(`orphans alive: ${orphans.length} · ${orphans.map(describe).join(', ')}`);
  // exec no puede crear un grupo propio: hay que despedirlos uno por uno.
  // exec cannot make a group of its own: they must be sent away one by one.
  await pause(300);
  for (const pid of orphans) process.kill(pid, 'SIGTERM');
  await waitFor(() => !orphans.some(isAlive));
  console.log(`orphans alive: ${orphans.filter(isAlive).length}`);
}

// 5) La solución: el mismo shell con su tubería, pero como jefe de su propio
//    grupo (detached). Un solo kill al grupo despide a todos.
//    The fix: the same shell and pipe, but leading its own group (detached).
//    One kill to the group sends everyone away.
async function groupKill() {
  console.log('5) spawn("sleep 30 | cat", { shell: true, detached: true }) + process.kill(-pid)');
  const child = spawn('sleep 30 | cat', { shell: true, detached: true, stdio: 'ignore' });
  const done = new Promise((resolve) => child.on('exit', (code, signal) => {
    console.log(`shell exit: code ${code}, signal ${signal}`);
    resolve();
  }));
  await pause(300);
  const pgid = child.pid; // el shell encabeza el grupo / the shell leads the group
  console.log(`group ${pgid}: ${[pgid, ...childrenOf(pgid).map((p) => p.pid)].map(describe).join(', ')}`);
  process.kill(-pgid, 'SIGTERM'); // pid negativo = todo el grupo / negative pid = the whole group
  await waitFor(() => !groupIsAlive(pgid));
  await done;
  console.log(`group ${pgid}: ${groupIsAlive(pgid) ? 'still alive!' : 'nobody left'}`);
}

// 6) exit llega cuando el obrero termina; close, cuando se cierran sus tuberías.
//    Un programa que queda en segundo plano con la salida heredada la mantiene abierta.
//    exit comes when the worker ends; close, when its pipes are closed. A program left
//    in the background with the inherited output holds it open.
function exitVersusClose() {
  const [shell, args] = isWindows ? ['cmd.exe', ['/d', '/c', 'start /b ping -n 3 127.0.0.1 & echo started']] : ['sh', ['-c', 'sleep 1 & echo started']];
  console.log(`6) spawn("${shell}", ${JSON.stringify(args)})`);
  const started = Date.now();
  const child = spawn(shell, args);
  child.stdout.resume();
  child.on('exit', (code) => console.log(`exit ${code} at +${Date.now() - started} ms`));
  return new Promise((resolve) => child.on('close', (code) => {
    console.log(`close ${code} at +${Date.now() - started} ms (${isWindows ? 'ping' : 'sleep'} held stdout)`);
    resolve();
  }));
}

// 4-5) Windows: no hay grupos de procesos ni señales. exec + una tubería: cmd.exe
//      arranca ping y find. kill() terminaría solo a cmd.exe, y Windows nunca le da
//      un padre nuevo a un huérfano: ping y find seguirían. taskkill /T /F termina el
//      árbol entero, mientras cmd.exe todavía vive.
//      Windows: no process groups and no signals. exec + a pipe: cmd.exe starts ping
//      and find. kill() would end only cmd.exe, and Windows never gives an orphan a new
//      parent: ping and find would go on. taskkill /T /F ends the whole tree, while
//      cmd.exe still lives.
async function treeKillOnWindows() {
  console.log(`4-5) win32: exec('ping -n 4 127.0.0.1 | find "TTL"') + taskkill /T /F`);
  const started = Date.now();
  let child;
  const called = new Promise((resolve) => {
    child = exec('ping -n 4 127.0.0.1 | find "TTL"', (err) => {
      console.log(`exec callback at +${Date.now() - started} ms: err.code ${err ? err.code : null}`);
      resolve();
    });
  });
  await pause(300);
  await new Promise((resolve) => {
    execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], (err, stdout, stderr) => {
      const lines = `${stdout}${stderr}`.split(/\r?\n/).filter(Boolean);
      console.log(`taskkill: exit ${err ? err.code : 0}, ${lines.length} line(s): ${lines[0] || ''}`);
      resolve();
    });
  });
  await called; // solo cuando se cerró la tubería / only once the pipe closed
}

async function main() {
  console.log(`${process.platform}: the worker is "${SLEEP} ${SLEEP_ARGS.join(' ')}"`);
  await withTimeout();
  await pause(300);
  await withAbortSignal();
  await pause(300);
  await withKill();
  await pause(300);
  if (isWindows) {
    await treeKillOnWindows();
  } else {
    await orphansOfAPipe();
    await pause(300);
    await groupKill();
  }
  await pause(300);
  await exitVersusClose();
  await pause(300); // que la clase vea irse al último / let the class see the last one leave
}

main();
