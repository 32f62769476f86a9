// Nothing but the BENCH line: a run's fixed cost (start-up of the processes the lab adds and of the probe).
'use strict';
const { elapsedMs, report } = require('./report');

report({ ms: elapsedMs() });
