import { TASK_MESSAGES } from '../i18n/taskMessages';
import { useMessages } from '../i18n/useMessages';
import { setCallbacksForOwnScripts, useCallbacksSetting } from '../store/callbacksSetting';

/** For one's own script: record its event loops' callbacks or not (demos always do). Applies to the next run. */
export function CallbacksSwitch({ disabled }: { disabled: boolean }) {
  const { lang } = useMessages();
  const on = useCallbacksSetting();
  const m = TASK_MESSAGES[lang];
  return (
    <label className="callbacks-switch" title={m.switchHint}>
      <input type="checkbox" checked={on} disabled={disabled} onChange={(e) => setCallbacksForOwnScripts(e.target.checked)} />
      {m.track}
    </label>
  );
}
