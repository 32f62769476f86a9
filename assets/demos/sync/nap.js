// Un obrero que no hace nada durante los milisegundos que le digan.
// A worker that does nothing for as many milliseconds as it is told.
const ms = Number(process.argv[2]);
setTimeout(() => console.log(`nap: ${ms} ms done`), ms);
