import type { IpcMessageEvent } from './events';

/**
 * The channel a message travels on, one direction of it: sender → receiver, each a process
 * and (between threads of one process) a thread, 0 for the main thread. Messages are numbered
 * per channel, so everything that joins, merges or bounds messages keys them by this — a
 * key without the threads would mix the channels of two Worker threads of one process.
 */
export function messageChannelKey(e: Pick<IpcMessageEvent, 'from' | 'to' | 'fromThread' | 'toThread'>): string {
  return `${e.from}.${e.fromThread ?? 0}>${e.to}.${e.toThread ?? 0}`;
}
