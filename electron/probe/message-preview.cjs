// @ts-check
'use strict';
/**
 * The head of an IPC message as text, built from the value without serialising all of it:
 * a walk that stops after HEAD_CHARS characters. For what JSON can carry (what a 'json'
 * channel delivers) it is the head of JSON.stringify's text; for what only 'advanced' can
 * carry it names the kind: `Uint8Array(8388608) [0,1,2,…]`, `Map(2) {"a" => 1, …}`, `12n`.
 *
 * It never runs the program's code: no getter, toJSON, proxy trap or overridden method is
 * called (a getter shows as `[getter]`, a proxy as `Proxy`), through the built-ins' own
 * prototype methods.
 */
const { isProxy } = require('node:util').types;

const mapSize = /** @type {() => number} */ (Object.getOwnPropertyDescriptor(Map.prototype, 'size')?.get);
const setSize = /** @type {() => number} */ (Object.getOwnPropertyDescriptor(Set.prototype, 'size')?.get);
const TypedArray = Object.getPrototypeOf(Uint8Array);
const typedLength = /** @type {() => number} */ (Object.getOwnPropertyDescriptor(TypedArray.prototype, 'length')?.get);
const typedName = /** @type {() => string | undefined} */ (Object.getOwnPropertyDescriptor(TypedArray.prototype, Symbol.toStringTag)?.get);
const bufferBytes = /** @type {() => number} */ (Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength')?.get);
const sharedBufferBytes = /** @type {() => number} */ (Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength')?.get);

/** Characters of text built: enough for a preview (previewText cuts it to its length). */
const HEAD_CHARS = 240;
/** Elements of one array, typed array or map shown before '…'. */
const MAX_ITEMS = 24;
const MAX_DEPTH = 6;

/**
 * @param {unknown} message
 * @returns {{ text: string, cut: boolean }}
 */
function messageHead(message) {
  const out = { text: '', full: false };
  try {
    write(message, out, 0);
  } catch {
    out.full = true; // a getter that throws, a revoked proxy: what was built so far
  }
  return { text: out.text.slice(0, HEAD_CHARS), cut: out.full };
}

/**
 * @param {unknown} v
 * @param {{ text: string, full: boolean }} out
 * @param {number} depth
 */
function write(v, out, depth) {
  if (out.full) return;
  if (out.text.length >= HEAD_CHARS) {
    out.full = true;
    return;
  }
  if (v === null || typeof v === 'boolean') out.text += String(v);
  else if (typeof v === 'number') out.text += String(v);
  else if (typeof v === 'bigint') out.text += `${v}n`;
  else if (typeof v === 'undefined') out.text += 'undefined';
  else if (typeof v === 'string') writeString(v, out);
  else if (typeof v === 'object') writeObject(v, out, depth);
  else out.text += String(typeof v);
}

/**
 * @param {string} s
 * @param {{ text: string, full: boolean }} out
 */
function writeString(s, out) {
  const room = HEAD_CHARS - out.text.length;
  if (s.length <= room) out.text += JSON.stringify(s);
  else {
    out.text += JSON.stringify(s.slice(0, room)).slice(0, -1);
    out.full = true;
  }
}

/**
 * @param {object} v
 * @param {{ text: string, full: boolean }} out
 * @param {number} depth
 */
function writeObject(v, out, depth) {
  if (isProxy(v)) {
    out.text += 'Proxy';
    return;
  }
  if (depth >= MAX_DEPTH) {
    out.text += Array.isArray(v) ? '[…]' : '{…}';
    return;
  }
  if (ArrayBuffer.isView(v)) return writeView(v, out);
  const tag = Object.prototype.toString.call(v).slice(8, -1);
  if (tag === 'ArrayBuffer' || tag === 'SharedArrayBuffer') {
    out.text += `${tag}(${Reflect.apply(tag === 'ArrayBuffer' ? bufferBytes : sharedBufferBytes, v, [])})`;
    return;
  }
  if (Array.isArray(v)) return writeItems('[', ']', v.length, (i) => writeOwn(v, String(i), out, depth), out);
  if (v instanceof Map) {
    const entries = Map.prototype.entries.call(v);
    const size = Reflect.apply(mapSize, v, []);
    out.text += `Map(${size}) `;
    return writeItems('{', '}', size, () => {
      const [key, value] = /** @type {[unknown, unknown]} */ (entries.next().value);
      write(key, out, depth + 1);
      out.text += ' => ';
      write(value, out, depth + 1);
    }, out);
  }
  if (v instanceof Set) {
    const values = Set.prototype.values.call(v);
    const size = Reflect.apply(setSize, v, []);
    out.text += `Set(${size}) `;
    return writeItems('{', '}', size, () => write(values.next().value, out, depth + 1), out);
  }
  if (v instanceof Date) {
    const time = Date.prototype.getTime.call(v);
    out.text += Number.isNaN(time) ? 'Invalid Date' : JSON.stringify(Date.prototype.toISOString.call(v));
    return;
  }
  if (v instanceof RegExp || v instanceof Error) {
    const message = v instanceof Error ? Object.getOwnPropertyDescriptor(v, 'message') : undefined;
    out.text += message && typeof message.value === 'string' ? `${tag}: ${message.value}` : tag;
    return;
  }
  // What JSON keeps of an object: its own enumerable string keys, without undefined or functions.
  const keys = Object.keys(v).filter((k) => {
    const d = Object.getOwnPropertyDescriptor(v, k);
    return d !== undefined && !('value' in d && (d.value === undefined || typeof d.value === 'function' || typeof d.value === 'symbol'));
  });
  writeItems('{', '}', keys.length, (i) => {
    out.text += JSON.stringify(keys[i]) + ':';
    writeOwn(v, keys[i], out, depth);
  }, out);
}

/**
 * An own property's value, read without calling a getter.
 * @param {object} v
 * @param {string} key
 * @param {{ text: string, full: boolean }} out
 * @param {number} depth
 */
function writeOwn(v, key, out, depth) {
  const d = Object.getOwnPropertyDescriptor(v, key);
  if (d === undefined) out.text += 'null';
  else if ('value' in d) write(d.value, out, depth + 1);
  else out.text += '[getter]';
}

/**
 * @param {ArrayBufferView} view
 * @param {{ text: string, full: boolean }} out
 */
function writeView(view, out) {
  const name = Reflect.apply(typedName, view, []);
  if (name === undefined) {
    out.text += 'DataView';
    return;
  }
  const items = /** @type {ArrayLike<number | bigint>} */ (/** @type {unknown} */ (view));
  const length = Reflect.apply(typedLength, view, []);
  out.text += `${name}(${length}) `;
  writeItems('[', ']', length, (i) => {
    const item = items[i];
    out.text += typeof item === 'bigint' ? `${item}n` : String(item);
  }, out);
}

/**
 * `open item,item,… close`, at most MAX_ITEMS items, '…' for the rest.
 * @param {string} open
 * @param {string} close
 * @param {number} length
 * @param {(i: number) => void} item
 * @param {{ text: string, full: boolean }} out
 */
function writeItems(open, close, length, item, out) {
  out.text += open;
  for (let i = 0; i < length; i++) {
    if (i > 0) out.text += ',';
    if (i >= MAX_ITEMS || out.text.length >= HEAD_CHARS) {
      out.text += '…';
      out.full = out.text.length >= HEAD_CHARS;
      break;
    }
    item(i);
    if (out.full) return;
  }
  out.text += close;
}

module.exports = { messageHead };
