// @ts-check
'use strict';
/**
 * Where in the program a child_process call was made: the first stack frame that is neither
 * the probe's nor Node's own. ESM frames name file:// URLs; we report file paths.
 *
 * @typedef {import('../../shared/events').SourceLocation} SourceLocation
 */
const path = require('node:path');
const { fileURLToPath } = require('node:url');

const PROBE_DIR = __dirname + path.sep;

/** @returns {SourceLocation | null} */
function callSite() {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  try {
    Error.stackTraceLimit = 50;
    Error.prepareStackTrace = (_error, frames) => frames;
    /** @type {{ stack?: NodeJS.CallSite[] }} */
    const holder = {};
    Error.captureStackTrace(holder);
    const frames = holder.stack;
    if (!Array.isArray(frames)) return null;
    for (const frame of frames) {
      const file = frame.getFileName();
      if (!file || file.startsWith('node:') || file.startsWith(PROBE_DIR)) continue;
      return { file: filePath(file), line: frame.getLineNumber() ?? 0, column: frame.getColumnNumber() ?? 0 };
    }
    return null;
  } catch {
    return null;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
}

/**
 * Where an uncaught error comes from. A SyntaxError from compiling a CommonJS file carries
 * "file:line", the source line and a caret row at the top of its stack; other errors name
 * their location in their first frame outside Node.
 * @param {unknown} error
 * @returns {SourceLocation | null}
 */
function errorSource(error) {
  const stack = error && typeof error === 'object' ? /** @type {{ stack?: unknown }} */ (error).stack : undefined;
  if (typeof stack !== 'string') return null;
  const lines = stack.split('\n');
  const decorated = /^(.+):(\d+)$/.exec(lines[0]);
  if (decorated && !lines[0].startsWith('    at ')) {
    const caret = lines[2] ? lines[2].indexOf('^') : -1;
    return { file: filePath(decorated[1]), line: Number(decorated[2]), column: caret >= 0 ? caret + 1 : 0 };
  }
  for (const line of lines) {
    const frame = /^\s+at (?:.*? \()?(.+?):(\d+):(\d+)\)?$/.exec(line);
    if (!frame || frame[1].startsWith('node:') || frame[1].startsWith(PROBE_DIR)) continue;
    return { file: filePath(frame[1]), line: Number(frame[2]), column: Number(frame[3]) };
  }
  return null;
}

/** @param {string} file */
function filePath(file) {
  if (!file.startsWith('file:')) return file;
  try {
    return fileURLToPath(file);
  } catch {
    return file;
  }
}

module.exports = { callSite, errorSource };
