import type { IpcMessageEvent } from '../../shared/events';
import { TickSeries } from './tickSeries';
import { messageChannelKey } from '../../shared/message-channel';

/**
 * One direction of an IPC channel (from → to): the sends the sender reported
 * and the receives the receiver reported, each series keeping the last sequence
 * number an event stands for (`aux`). Messages are numbered per channel and
 * direction, so receive #n joins send #n — that join is an arrow on the timeline.
 */
export interface IpcChannel {
  from: number;
  to: number;
  /** Between two threads of one process (`from` = `to`): the sending and receiving threadIds, 0 for the main thread. */
  fromThread?: number;
  toThread?: number;
  sends: TickSeries;
  recvs: TickSeries;
}

export class IpcChannels {
  readonly byKey = new Map<string, IpcChannel>();

  add(event: IpcMessageEvent, logIndex: number): void {
    const between = event.fromThread !== undefined && event.toThread !== undefined;
    const key = messageChannelKey(event);
    let channel = this.byKey.get(key);
    if (!channel) {
      channel = { from: event.from, to: event.to, sends: new TickSeries(16, true), recvs: new TickSeries(16, true) };
      if (between) Object.assign(channel, { fromThread: event.fromThread, toThread: event.toThread });
      this.byKey.set(key, channel);
    }
    const series = event.dir === 'send' ? channel.sends : channel.recvs;
    series.add(event.t, event.bytes, event.count ?? 1, logIndex, seqRange(event)[1]);
  }

  clear(): void {
    this.byKey.clear();
  }
}

/** The first and last sequence number an event stands for (a run of messages, or one). */
function seqRange(event: IpcMessageEvent): [number, number] {
  return [event.firstSeq ?? event.seq, event.lastSeq ?? event.seq];
}

/**
 * The send (index in channel.sends) that carried message #seq, or -1. Sends are
 * in channel order, so their sequence numbers only grow: a binary search over
 * the series' own column, without touching the log. A send event may stand
 * for a run of `count` messages ending at its sequence number.
 */
export function findSend(channel: IpcChannel, seq: number): number {
  const sends = channel.sends;
  const last = sends.aux as Float64Array;
  let lo = 0;
  let hi = sends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (last[mid] < seq) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= sends.length) return -1;
  return last[lo] - sends.countAt(lo) + 1 <= seq ? lo : -1;
}
