// Sends N messages to the parent, then stays until the parent disconnects (exiting at once would lose some).
'use strict';
const total = Number(process.argv[2]);
for (let i = 0; i < total; i++) process.send(i);
