// Muestra los argumentos que recibió, uno por uno, tal cual.
// Shows the arguments it received, one by one, as they are.
const args = process.argv.slice(2);
console.log(`show-args got ${args.length} argument(s): ${JSON.stringify(args)}`);
