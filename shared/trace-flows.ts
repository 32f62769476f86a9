/**
 * IPC messages as Chrome-trace flows: an arrow from the sender's slice to the
 * receiver's. Messages are numbered per channel and direction (from → to), so
 * send #n joins recv #n; a coalesced run (`firstSeq`..`lastSeq`) is one event,
 * hence one flow. Each flow gets its own pair of short X slices and a fresh
 * `bind_id` (a slice carries one bind_id, and an id is never reused).
 */
import type { IpcMessageEvent } from './events';
import { messageChannelKey } from './message-channel';

/** A message event and the seq range it stands for. */
interface MessageRun {
  event: IpcMessageEvent;
  first: number;
  last: number;
}

/** One arrow: this send joined to that recv. */
export interface MessageFlow {
  send: IpcMessageEvent;
  recv: IpcMessageEvent;
}

export interface MessageJoin {
  flows: MessageFlow[];
  /** Messages with no partner in the log (e.g. sent right before process.exit, never delivered). */
  unjoined: IpcMessageEvent[];
}

function runOf(event: IpcMessageEvent): MessageRun {
  const last = event.lastSeq ?? event.seq;
  const first = event.firstSeq ?? last - (event.count ?? 1) + 1;
  return { event, first, last };
}

/** The run holding `seq`, in runs sorted by `first` and not overlapping. */
function findRun(runs: MessageRun[], seq: number): MessageRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid];
    if (seq < run.first) hi = mid - 1;
    else if (seq > run.last) lo = mid + 1;
    else return run;
  }
  return undefined;
}

/**
 * Join sends to receives. Every recv gets an arrow from the send holding its
 * first seq; every send still without an arrow gets one to the recv holding its
 * first seq. Coalescing on either side never yields more than one arrow per
 * event pair.
 */
export function joinMessages(messages: readonly IpcMessageEvent[]): MessageJoin {
  const channels = new Map<string, { sends: MessageRun[]; recvs: MessageRun[] }>();
  for (const event of messages) {
    const key = messageChannelKey(event);
    let channel = channels.get(key);
    if (!channel) channels.set(key, (channel = { sends: [], recvs: [] }));
    (event.dir === 'send' ? channel.sends : channel.recvs).push(runOf(event));
  }
  const flows: MessageFlow[] = [];
  const unjoined: IpcMessageEvent[] = [];
  for (const { sends, recvs } of channels.values()) {
    sends.sort((a, b) => a.first - b.first);
    recvs.sort((a, b) => a.first - b.first);
    const joinedSends = new Set<IpcMessageEvent>();
    const pairs = new Set<string>();
    const sendIndex = new Map(sends.map((run, i) => [run.event, i]));
    const recvIndex = new Map(recvs.map((run, i) => [run.event, i]));
    const join = (send: MessageRun, recv: MessageRun) => {
      const key = `${sendIndex.get(send.event)}:${recvIndex.get(recv.event)}`;
      if (pairs.has(key)) return;
      pairs.add(key);
      joinedSends.add(send.event);
      flows.push({ send: send.event, recv: recv.event });
    };
    for (const recv of recvs) {
      const send = findRun(sends, recv.first);
      if (send) join(send, recv);
      else unjoined.push(recv.event);
    }
    for (const send of sends) {
      if (joinedSends.has(send.event)) continue;
      const recv = findRun(recvs, send.first);
      if (recv) join(send, recv);
      else unjoined.push(send.event);
    }
  }
  return { flows, unjoined };
}

/** "#5", or "#1–200 (200)" for a coalesced run. */
export function seqLabel(event: IpcMessageEvent): string {
  const { first, last } = runOf(event);
  return first === last ? `#${last}` : `#${first}–${last} (${event.count ?? last - first + 1})`;
}
