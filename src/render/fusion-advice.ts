import type { Advice } from '../fusion/advice';
import type { Theme } from './theme';
import { wrap } from './fusion-words';

const NAME = 'tcp_fusion_rcv_unread_min';

/** The mdb line to try now, the /etc/system line to keep, in the kernel's own syntax. */
export function adviceLines(unreadMin: number): { mdb: string; etcSystem: string } {
  return { mdb: `${NAME}/W 0t${unreadMin}`, etcSystem: `set ip:${NAME}=${unreadMin}` };
}

const LIVE = 'Connections open now keep the limit they latched; only new ones (or a new SO_SNDBUF) get the new value.';

/** What to change, in sentences, for the verdict paragraph and for ::advise. */
export function adviceSentences(a: Advice): string {
  switch (a.why) {
    case 'no-eagain': return 'Nothing to change: no flow gets EAGAIN.';
    case 'no-count-check':
      return 'This release has no unread-write count (CR 6826274): only bytes stop a fused sender, so raise SO_RCVBUF or tcp_recv_hiwat instead.';
    case 'bytes-limit':
      return 'Raising tcp_fusion_rcv_unread_min does not help: the byte limit stops the sender, so raise SO_RCVBUF or tcp_recv_hiwat (SO_SNDBUF or tcp_xmit_hiwat for unfused flows).';
    case null: break;
  }
  const value = a.unreadMin as number;
  const { mdb, etcSystem } = adviceLines(value);
  const flows = a.countLimited.join(', ');
  const sndbuf = a.sndbuf === null
    ? 'no SO_SNDBUF up to tcp_max_buf would do it'
    : `or give the sender of ${flows} SO_SNDBUF ${a.sndbuf} (sndbuf >> 14 = ${a.sndbuf >>> 14})`;
  const rest = a.remainingEagain > 0 ? ` The byte limit still causes ${a.remainingEagain} EAGAIN.` : '';
  return `Try "${mdb}" (0x${value.toString(16)}) with mdb -kw and keep it with "${etcSystem}" in /etc/system; ${sndbuf}.${rest} ${LIVE}`;
}

const labelled = (label: string, text: string): string => `  ${`${label}:`.padEnd(21)}${text}`;

/** ::advise: the smallest value, the two lines, the SO_SNDBUF alternative, the reminder. */
export function renderAdvice(a: Advice, theme: Theme): string {
  if (a.why !== null) return wrap(adviceSentences(a));
  const value = a.unreadMin as number;
  const { mdb, etcSystem } = adviceLines(value);
  const lines = [
    `${a.eagain} EAGAIN in the workload; ${a.countLimited.join(', ')} ${a.countLimited.length > 1 ? 'are' : 'is'} stopped by the unread-write count.`,
    `smallest ${NAME} without them: ${theme.accent(`0t${value}`)} (0x${value.toString(16)})`,
    labelled('try now', mdb),
    labelled('keep in /etc/system', etcSystem),
    labelled('or SO_SNDBUF', a.sndbuf === null
      ? 'none up to tcp_max_buf is enough'
      : `${a.sndbuf} on the sender (${a.sndbuf} >> 14 = ${a.sndbuf >>> 14})`),
  ];
  if (a.remainingEagain > 0) lines.push(`the byte limit still causes ${a.remainingEagain} EAGAIN`);
  lines.push(theme.warn(wrap(LIVE)));
  return lines.join('\n');
}
