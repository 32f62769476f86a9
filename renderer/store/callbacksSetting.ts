import { useSyncExternalStore } from 'react';

/**
 * Whether one's own script runs with its event loops' callbacks recorded (the callback track).
 * On by default; the reader's choice is kept. Demos always record them: their lessons tell them.
 */
const KEY = 'obra.callbacks';
const listeners = new Set<() => void>();

function storage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

let recordCallbacks = readSetting();

function readSetting(): boolean {
  try {
    return storage()?.getItem(KEY) !== 'off';
  } catch {
    return true;
  }
}

export function callbacksForOwnScripts(): boolean {
  return recordCallbacks;
}

export function setCallbacksForOwnScripts(on: boolean): void {
  recordCallbacks = on;
  try {
    storage()?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // Storage can be disabled: the choice then lasts this session.
  }
  for (const listener of listeners) listener();
}

export function useCallbacksSetting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => recordCallbacks,
  );
}
