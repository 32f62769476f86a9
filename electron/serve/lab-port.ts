/**
 * What the transports need from the lab: the shared API's calls plus
 * shutdown. `Lab` (electron/lab) has this shape; shells and tests pass one in.
 */
import type { Lab } from '../lab/index';
import type { ValidCall } from '../../shared/validate';

export type LabPort = Pick<Lab, 'listDemos' | 'readDemo' | 'startRun' | 'stopRun' | 'subscribe' | 'shutdown'>;

/**
 * Carry out one validated call on the lab. Both transports (IPC and
 * WebSocket) go through here, so they behave alike. A void result is null, so
 * it survives JSON (an undefined `result` would vanish from the reply).
 */
export async function dispatchCall(lab: LabPort, call: ValidCall): Promise<unknown> {
  switch (call.method) {
    case 'listDemos':
      return lab.listDemos();
    case 'readDemo':
      return lab.readDemo(...call.params);
    case 'startRun':
      return lab.startRun(...call.params);
    case 'stopRun':
      await lab.stopRun(...call.params);
      return null;
  }
}
