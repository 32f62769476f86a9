import type { Lang } from '../../shared/api';
import { formatBytes, formatDuration, formatNumber, formatPercent } from '../i18n/format';
import type { Messages } from '../i18n/messages';
import type { ProcessRecord } from '../model/processRecord';
import { visualKind } from '../model/processRecord';
import type { RunLog } from '../model/runLog';
import { exitText, lifetimeText } from '../timeline/describeEvent';
import { DetailList } from './DetailList';

function optionsText(options: ProcessRecord['options']): string | null {
  if (!options) return null;
  const entries = Object.entries(options).filter(([, v]) => v !== undefined);
  return entries.length ? entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ') : null;
}

/** Everything known about one process. */
export function ProcessDetails({ record, run, m, lang }: { record: ProcessRecord; run: RunLog; m: Messages; lang: Lang }) {
  const i = m.inspector;
  const t = (us: number | null) => (us === null ? null : formatDuration(us, lang));
  const kind = visualKind(record);
  const source = record.source ? `${shortPath(record.source.file)}:${record.source.line}:${record.source.column}` : null;
  const gap = record.exitT !== null && record.closeT !== null ? formatDuration(record.closeT - record.exitT, lang) : null;
  const ended = record.exitT !== null || record.signal !== null ? exitText(record.exitCode, record.signal, m) : lifetimeText(record, m);
  return (
    <section className="inspector-section" aria-label={i.process}>
      <h3>
        {i.process} {record.pid} <span className={`kind-badge kind-${kind}`}>{m.kind[kind]}</span>
      </h3>
      <DetailList
        rows={[
          [i.pid, String(record.pid)],
          [i.ppid, record.ppid === null ? i.none : String(record.ppid)],
          [i.kind, record.kind === 'boss' ? null : record.kind === 'os' ? m.kind[kind] : record.kind],
          [i.command, <code key="c">{record.command || (record.osArgv ?? []).join(' ') || i.none}</code>],
          [i.args, record.args.length ? <code key="a">{JSON.stringify(record.args)}</code> : null],
          [i.osCommand, record.osArgv && record.command ? <code key="o">{record.osArgv.join(' ')}</code> : null],
          [i.options, optionsText(record.options)],
          [i.source, source ? <code key="s" title={record.source?.file}>{source}</code> : null],
          [i.exit, ended],
          [i.spawnedAt, t(record.spawnT)],
          [i.exitedAt, t(record.exitT)],
          [i.closedAt, t(record.closeT)],
          [i.exitCloseGap, gap],
          [i.stdout, `${formatBytes(record.stdoutBytes, lang)} · ${i.chunks(record.stdoutChunks, formatNumber(record.stdoutChunks, lang))}`],
          [i.stderr, `${formatBytes(record.stderrBytes, lang)} · ${i.chunks(record.stderrChunks, formatNumber(record.stderrChunks, lang))}`],
          [m.counters.messages, i.messages(formatNumber(record.messagesSent, lang), formatNumber(record.messagesReceived, lang))],
          [m.counters.errors, record.errorCount ? formatNumber(record.errorCount, lang) : null],
          [i.cpu, record.cpu === null ? null : `${formatNumber(record.cpu, lang, 1)} %`],
          [i.rss, record.rss === null ? null : formatBytes(record.rss, lang)],
          [i.elu, record.elu === null ? null : formatPercent(record.elu, lang)],
          [i.run, run.runId],
        ]}
      />
    </section>
  );
}

function shortPath(file: string): string {
  const parts = file.replace(/^file:\/\//, '').split(/[\\/]/);
  return parts.slice(-2).join('/');
}
