import type { LabEvent, MessageEvent } from '../../shared/events';
import { TickSeries } from './tickSeries';

/**
 * One direction of an IPC channel (from → to): the sends the sender reported
 * and the receives the receiver reported. Messages are numbered per channel and
 * direction, so receive #n joins send #n — that join is an arrow on the timeline.
 */
export interface IpcChannel {
  from: number;
  to: number;
  sends: TickSeries;
  recvs: TickSeries;
}

export class IpcChannels {
  readonly byKey = new Map<string, IpcChannel>();

  add(event: MessageEvent, logIndex: number): void {
    const key = `${event.from}>${event.to}`;
    let channel = this.byKey.get(key);
    if (!channel) {
      channel = { from: event.from, to: event.to, sends: new TickSeries(), recvs: new TickSeries() };
      this.byKey.set(key, channel);
    }
    const series = event.dir === 'send' ? channel.sends : channel.recvs;
    series.add(event.t, event.bytes, event.count ?? 1, logIndex);
  }

  clear(): void {
    this.byKey.clear();
  }
}

/** The first and last sequence number an event stands for (a run of messages, or one). */
export function seqRange(event: MessageEvent): [number, number] {
  return [event.firstSeq ?? event.seq, event.lastSeq ?? event.seq];
}

/**
 * The send (index in channel.sends) that carried receive #seq, or -1. Sends are
 * in channel order, so their sequence numbers only grow: a binary search.
 */
export function findSend(channel: IpcChannel, log: readonly LabEvent[], seq: number): number {
  const sends = channel.sends;
  let lo = 0;
  let hi = sends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const [, last] = seqRange(log[sends.idx[mid]] as MessageEvent);
    if (last < seq) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= sends.length) return -1;
  const [first] = seqRange(log[sends.idx[lo]] as MessageEvent);
  return first <= seq ? lo : -1;
}
