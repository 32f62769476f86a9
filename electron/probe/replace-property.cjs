// @ts-check
'use strict';
/**
 * Installing wrappers so that a program cannot tell: a replaced property keeps its
 * enumerability (an inherited one becomes a non-enumerable own property), and a wrapper
 * function carries its original's name, length and other own properties.
 */

/**
 * @param {object} target
 * @param {PropertyKey} key
 * @param {unknown} value
 */
function replaceProperty(target, key, value) {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, {
    value,
    writable: true,
    configurable: true,
    enumerable: own ? Boolean(own.enumerable) : false,
  });
}

/**
 * Gives `wrapper` the own properties of `original` (name, length, util.promisify.custom…).
 * @template {Function} W
 * @param {W} wrapper
 * @param {Function} original
 * @param {PropertyKey[]} [except] properties the caller will set itself
 * @returns {W}
 */
function dressAs(wrapper, original, except = []) {
  for (const key of Reflect.ownKeys(original)) {
    if (key === 'prototype' || key === 'arguments' || key === 'caller' || except.includes(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(original, key);
    if (descriptor) Object.defineProperty(wrapper, key, descriptor);
  }
  return wrapper;
}

module.exports = { replaceProperty, dressAs };
