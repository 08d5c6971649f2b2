import type { Advice, FlowAdvice } from '../fusion/advice';
import { keepNddCommand } from '../kernel/releases/ndd/properties';
import { RELEASES } from '../kernel/releases';
import type { Theme } from './theme';
import { wrap } from './fusion-words';

const NAME = 'tcp_fusion_rcv_unread_min';

/** The mdb line to try now, the /etc/system line to keep, in the kernel's own syntax. */
export function adviceLines(unreadMin: number): { mdb: string; etcSystem: string } {
  return { mdb: `${NAME}/W 0t${unreadMin}`, etcSystem: `set ip:${NAME}=${unreadMin}` };
}

const LIVE = 'Connections open now keep the limit they latched; only new ones (or a new SO_SNDBUF) get the new value.';
const OFF = `${NAME} 0 turns the count check off: no EAGAIN from the count at all, but then only bytes hold back a writer, and a reader that falls behind may find rcv_hiwater bytes of small writes waiting.`;

const RECV_HIWAT = { device: '/dev/tcp', name: 'tcp_recv_hiwat' } as const;
const hex = (v: number): string => `0x${v.toString(16)}`;

/** SO_SNDBUF / SO_RCVBUF of one flow, each alone, in words. */
function bufferWords(f: FlowAdvice): string {
  const snd = f.sndbuf === null ? 'no SO_SNDBUF up to tcp_max_buf' : `SO_SNDBUF ${f.sndbuf} on its sender${f.fused && f.stoppedBy === 'count' ? ` (${f.sndbuf} >> 14 = ${f.sndbuf >>> 14})` : ''}`;
  const rcv = f.rcvbuf === null ? 'no SO_RCVBUF up to tcp_max_buf' : `SO_RCVBUF ${f.rcvbuf} on its receiver`;
  const neither = f.sndbuf === null && f.rcvbuf === null;
  return `${f.flow} (${f.eagain} EAGAIN): ${neither ? `${snd} and ${rcv} is enough alone` : `${f.sndbuf === null ? rcv : f.rcvbuf === null ? snd : `${snd}, or ${rcv}`}`}`;
}

/** tcp_recv_hiwat for every connection, with the command this release keeps it with. */
function recvHiwatWords(a: Advice): string {
  if (a.recvHiwat === null) return '';
  const keep = keepNddCommand(RELEASES[a.release], RECV_HIWAT, a.recvHiwat);
  return ` For every connection without SO_RCVBUF: tcp_recv_hiwat ${a.recvHiwat}, kept with "${keep.command}"${keep.atBoot ? ' run at boot (ndd settings last until reboot)' : ''}.`;
}

function perFlow(a: Advice): string {
  return a.flows.length === 0 ? '' : ` Each alone: ${a.flows.map(bufferWords).join('; ')}.`;
}

/** What to change, in sentences, for the verdict paragraph. */
export function adviceSentences(a: Advice): string {
  switch (a.why) {
    case 'no-eagain': return 'Nothing to change: no flow gets EAGAIN.';
    case 'no-count-check':
      return `This release has no unread-write count (CR 6826274): only bytes stop a fused sender.${perFlow(a)}${recvHiwatWords(a)}`;
    case 'bytes-limit': {
      const c = a.combination;
      const together = c === null ? '' : ` Together: ${combinationWords(c)}.`;
      const none = c === null && a.flows.every((f) => f.sndbuf === null && f.rcvbuf === null) && a.recvHiwat === null
        ? ' Nothing tried here removes them: the reader has to read sooner (or the writer write less at a time).' : '';
      return `Raising ${NAME} alone does not remove every EAGAIN: the byte limit stops a sender too.${perFlow(a)}${recvHiwatWords(a)}${together}${none}`;
    }
    case null: break;
  }
  const value = a.unreadMin as number;
  const { mdb, etcSystem } = adviceLines(value);
  return `Try "${mdb}" (${hex(value)}) with mdb -kw and keep it with "${etcSystem}" in /etc/system.${perFlow(a)} ${OFF} ${LIVE}`;
}

function combinationWords(c: NonNullable<Advice['combination']>): string {
  const bufs = c.rcvbuf.map((r) => `SO_RCVBUF ${r.rcvbuf} on the receiver of ${r.flow}`);
  return [`${NAME} 0t${c.unreadMin} (${hex(c.unreadMin)})`, ...bufs].join(' and ');
}

const labelled = (label: string, text: string): string => `  ${`${label}:`.padEnd(21)}${text}`;

function flowLines(a: Advice): string[] {
  return a.flows.flatMap((f) => [
    labelled(`${f.flow} SO_SNDBUF`, f.sndbuf === null ? 'none up to tcp_max_buf is enough' : `${f.sndbuf} on the sender${f.fused && f.stoppedBy === 'count' ? ` (${f.sndbuf} >> 14 = ${f.sndbuf >>> 14})` : ''}`),
    labelled(`${f.flow} SO_RCVBUF`, f.rcvbuf === null ? 'none up to tcp_max_buf is enough' : `${f.rcvbuf} on the receiver`),
  ]);
}

/** ::advise: the smallest value of each limit, the lines to type, the reminders. */
export function renderAdvice(a: Advice, theme: Theme): string {
  if (a.why === 'no-eagain') return wrap(adviceSentences(a));
  const lines = [`${a.eagain} EAGAIN in the workload${a.countLimited.length ? `; ${a.countLimited.join(', ')} ${a.countLimited.length > 1 ? 'are' : 'is'} stopped by the unread-write count` : ''}.`];
  if (a.unreadMin !== null) {
    const { mdb, etcSystem } = adviceLines(a.unreadMin);
    lines.push(
      `smallest ${NAME} without them: ${theme.accent(`0t${a.unreadMin}`)} (${hex(a.unreadMin)})`,
      labelled('try now', mdb),
      labelled('keep in /etc/system', etcSystem),
    );
  } else if (a.why === 'no-count-check') {
    lines.push('no unread-write count on this release (CR 6826274): only bytes stop a fused sender');
  } else {
    lines.push(`no ${NAME} alone removes them: the byte limit stops a sender too`);
  }
  lines.push('each alone, everything else as it is:', ...flowLines(a));
  if (a.recvHiwat !== null) {
    const keep = keepNddCommand(RELEASES[a.release], RECV_HIWAT, a.recvHiwat);
    lines.push(labelled('tcp_recv_hiwat', `${a.recvHiwat} for every connection without SO_RCVBUF`), labelled(keep.atBoot ? 'at boot' : 'keep with', keep.command));
  }
  if (a.combination !== null) {
    const { mdb, etcSystem } = adviceLines(a.combination.unreadMin);
    lines.push(wrap(`together: ${combinationWords(a.combination)}`), labelled('try now', mdb), labelled('keep in /etc/system', etcSystem));
  }
  if (a.unreadMin !== null || a.combination !== null) lines.push(wrap(OFF), theme.warn(wrap(LIVE)));
  return lines.join('\n');
}

/** What the replay applied, in words; null when the advice has nothing to take. */
export function adviceTaken(a: Advice): string | null {
  if (a.unreadMin !== null) return `${NAME} 0t${a.unreadMin}`;
  if (a.combination !== null) return combinationWords(a.combination);
  const fixes = a.flows.filter((f) => f.rcvbuf !== null || f.sndbuf !== null)
    .map((f) => (f.rcvbuf !== null ? `SO_RCVBUF ${f.rcvbuf} on the receiver of ${f.flow}` : `SO_SNDBUF ${f.sndbuf} on the sender of ${f.flow}`));
  return fixes.length === 0 ? null : fixes.join(', ');
}
