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

/** Channels found lately, by their four numbers: a run's messages go over a few channels, found again without a key string each. */
const RECENT = 16;

export class IpcChannels {
  readonly byKey = new Map<string, IpcChannel>();
  private recent: Array<{ from: number; fromThread: number; to: number; toThread: number; channel: IpcChannel }> = [];

  add(event: IpcMessageEvent, logIndex: number): void {
    const channel = this.channelOf(event);
    const series = event.dir === 'send' ? channel.sends : channel.recvs;
    series.add(event.t, event.bytes, event.count ?? 1, logIndex, event.lastSeq ?? event.seq);
  }

  clear(): void {
    this.byKey.clear();
    this.recent = [];
  }

  private channelOf(event: IpcMessageEvent): IpcChannel {
    const fromThread = event.fromThread ?? 0;
    const toThread = event.toThread ?? 0;
    for (const r of this.recent) {
      if (r.from === event.from && r.to === event.to && r.fromThread === fromThread && r.toThread === toThread) return r.channel;
    }
    const key = messageChannelKey(event);
    let channel = this.byKey.get(key);
    if (!channel) {
      channel = { from: event.from, to: event.to, sends: new TickSeries(16, true), recvs: new TickSeries(16, true) };
      if (event.fromThread !== undefined && event.toThread !== undefined) Object.assign(channel, { fromThread: event.fromThread, toThread: event.toThread });
      this.byKey.set(key, channel);
    }
    if (this.recent.length >= RECENT) this.recent.shift();
    this.recent.push({ from: event.from, fromThread, to: event.to, toThread, channel });
    return channel;
  }
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
