// El obrero que hace el trabajo pesado, para que el jefe siga atendiendo.
// The worker who does the heavy lifting, so the boss keeps serving.
process.once('message', ({ ms }) => {
  const until = Date.now() + ms;
  let sum = 0;
  while (Date.now() < until) sum += Math.sqrt(sum + 1); // cálculo pesado / heavy math
  process.send({ sum: Math.round(sum) });
  process.disconnect(); // termina / done
});
