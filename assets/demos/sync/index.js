// execSync y spawnSync: el jefe se queda esperando, parado, hasta que el
// obrero termina. Su bucle de eventos no gira: un temporizador que vencía
// mientras tanto suena tarde. Con exec, el mismo trabajo no lo detiene.
// execSync and spawnSync: the boss stands and waits until the worker is done.
// His event loop does not turn: a timer due meanwhile fires late. With exec,
// the same work does not stop him.
const { exec, execSync, spawnSync } = require('node:child_process');
const path = require('node:path');

const NAP_MS = 600;
const TIMER_MS = 100;
const napFile = path.join(__dirname, 'nap.js');
// Un comando para el shell: Node (el mismo que corre este script) con nap.js.
// A command for the shell: Node (the one running this script) with nap.js.
const napCommand = `"${process.execPath}" "${napFile}" ${NAP_MS}`;

const since = (t0) => Math.round(performance.now() - t0);

// Un temporizador que vence a los TIMER_MS; dice cuándo sonó de verdad.
// A timer due at TIMER_MS; it says when it really fired.
function timer(name, t0, then) {
  setTimeout(() => {
    const at = since(t0);
    console.log(`${name}: timer due at +${TIMER_MS} ms fired at +${at} ms (${at - TIMER_MS} ms late)`);
    then();
  }, TIMER_MS);
}

// 1) execSync: con shell, y el jefe parado hasta que vuelve.
//    execSync: with a shell, and the boss standing still until it returns.
function withExecSync(next) {
  const t0 = performance.now();
  timer('execSync', t0, next);
  const out = execSync(napCommand);
  console.log(`execSync: returned after ${since(t0)} ms with "${out.toString().trim()}"`);
}

// 2) spawnSync: sin shell, igual de parado.
//    spawnSync: no shell, just as still.
function withSpawnSync(next) {
  const t0 = performance.now();
  timer('spawnSync', t0, next);
  const result = spawnSync(process.execPath, [napFile, String(NAP_MS)]);
  console.log(`spawnSync: returned after ${since(t0)} ms, status ${result.status}`);
}

// 3) exec: el mismo trabajo, pero el jefe sigue libre y el temporizador suena a tiempo.
//    exec: the same work, but the boss stays free and the timer fires on time.
function withExec() {
  const t0 = performance.now();
  timer('exec', t0, () => {});
  exec(napCommand, (err, stdout) => {
    console.log(`exec: callback after ${since(t0)} ms with "${stdout.trim()}"`);
  });
  console.log(`exec: returned after ${since(t0)} ms; the boss is free`);
}

withExecSync(() => withSpawnSync(withExec));
