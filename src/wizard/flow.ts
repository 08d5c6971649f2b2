import type { Flow, Peer, Receiver, WriteMode } from '../fusion/workload';
import { formatPattern, optionalAnswer, parseCount, parseName, parsePattern } from './answers';
import { askChoice, askSome, askText, askYesNo, type Ask, type Choice } from './ask';

// The questions about one flow, in the order fusion.md "Workloads" lists its parts.

const PEERS: readonly Choice<Peer>[] = [
  { value: 'local', name: 'local', description: 'same host: the pair can be fused' },
  { value: 'remote', name: 'remote', description: 'another host: plain TCP, never fused' },
];

const MODES: readonly Choice<WriteMode>[] = [
  { value: 'nonblocking', name: 'non-blocking', description: 'a write that cannot go on gets EAGAIN (or a short count)' },
  { value: 'blocking', name: 'blocking', description: 'a write that cannot go on sleeps until the reader has run' },
];

type ReaderKind = 'yield' | 'every' | 'never';
const READERS: readonly Choice<ReaderKind>[] = [
  { value: 'yield', name: 'when the sender yields', description: 'one CPU: after EAGAIN, a block, and each burst' },
  { value: 'every', name: 'every N writes', description: 'a reader on another CPU' },
  { value: 'never', name: 'never', description: 'the reader sleeps: shows which limit stops the sender first' },
];

const RECEIVERS: readonly Choice<Receiver>[] = [
  { value: 'socket', name: 'socket', description: 'synchronous streams: the unread count applies' },
  { value: 'tli', name: 'TLI', description: 'bytes only' },
  { value: 'module', name: 'socket with a pushed module', description: 'bytes only' },
];

type Exception = 'ipsec' | 'ipqos' | 'kssl' | 'ipOptions' | 'differentSqueue';
// tcp_fuse(): each of these keeps a local pair unfused.
const EXCEPTIONS: readonly Choice<Exception>[] = [
  { value: 'ipsec', name: 'IPsec policy' },
  { value: 'ipqos', name: 'IPQoS' },
  { value: 'kssl', name: 'kernel SSL (kssl)' },
  { value: 'ipOptions', name: 'IP options' },
  { value: 'differentSqueue', name: 'different squeues' },
];

type FlowOptions = Pick<Flow, 'sndbuf' | 'rcvbuf' | 'receiver' | 'ipfilterDropAt' | Exception>;
const OPTION_FIELDS: readonly (keyof FlowOptions)[] = ['sndbuf', 'rcvbuf', 'receiver', 'ipfilterDropAt', ...EXCEPTIONS.map((e) => e.value)];

function parseFlowName(text: string, earlier: readonly Flow[]): { name: string } | string {
  const r = parseName(text, 'local');
  const other = typeof r === 'string' ? -1 : earlier.findIndex((f) => f.name === r.name);
  return other < 0 ? r : `flow ${other + 1} is already called ${text.trim()}: flow names must differ`;
}

/** bursts × writes per burst must stay a safe integer, as parseWorkload requires. */
function parseBurstWrites(text: string, bursts: number): number | string {
  const n = parseCount(text);
  if (typeof n === 'string' || Number.isSafeInteger(n * bursts)) return n;
  return `${bursts} bursts × ${n} writes is past 2^53 writes: give fewer`;
}

function parseDropAt(text: string, writes: number): number | string {
  const k = parseCount(text);
  if (typeof k === 'string' || k <= writes) return k;
  return `the flow makes ${writes} writes: give 1 to ${writes}, or nothing for no drop`;
}

async function askReader(ask: Ask, name: string, def: Flow['reader']): Promise<NonNullable<Flow['reader']>> {
  const current = def ?? 'yield';
  const kind = await askChoice(ask, `${name}: the reader reads`, READERS, typeof current === 'object' ? 'every' : current);
  if (kind !== 'every') return kind;
  const every = await askText(ask, `${name}: the reader reads after every N writes; N`, String(typeof current === 'object' ? current.every : 1), parseCount);
  return { every };
}

const optional = (n: number | undefined): string => (n === undefined ? '' : String(n));

async function askOptions(ask: Ask, name: string, d: Flow, writes: number): Promise<FlowOptions> {
  const options: FlowOptions = {};
  const sndbuf = await askText(ask, `${name}: SO_SNDBUF of the sender in bytes (empty: tcp_xmit_hiwat)`, optional(d.sndbuf), optionalAnswer(parseCount));
  if (sndbuf !== undefined) options.sndbuf = sndbuf;
  const rcvbuf = await askText(ask, `${name}: SO_RCVBUF of the receiver in bytes (empty: tcp_recv_hiwat)`, optional(d.rcvbuf), optionalAnswer(parseCount));
  if (rcvbuf !== undefined) options.rcvbuf = rcvbuf;
  const receiver = await askChoice(ask, `${name}: the receiver is`, RECEIVERS, d.receiver ?? 'socket');
  if (receiver !== 'socket') options.receiver = receiver;
  const on = new Set(EXCEPTIONS.map((e) => e.value).filter((e) => d[e] === true));
  for (const e of await askSome(ask, `${name}: what keeps the pair unfused (space toggles, enter accepts)`, EXCEPTIONS, on)) options[e] = true;
  const dropAt = await askText(ask, `${name}: an IP Filter rule drops a packet of write number (empty: none)`, optional(d.ipfilterDropAt), optionalAnswer((t) => parseDropAt(t, writes)));
  if (dropAt !== undefined) options.ipfilterDropAt = dropAt;
  return options;
}

/** Asks for flow number `index` (from 0), offering `d` as every default. */
export async function askFlow(ask: Ask, index: number, d: Flow, earlier: readonly Flow[]): Promise<Flow> {
  const { name } = await askText(ask, `Flow ${index + 1}: name`, d.name, (t) => parseFlowName(t, earlier));
  const peer = await askChoice(ask, `${name}: the peer is`, PEERS, d.peer);
  const pattern = await askText(ask, `${name}: write sizes in bytes, repeated (comma list)`, formatPattern(d.pattern), parsePattern);
  const bursts = await askText(ask, `${name}: bursts`, String(d.bursts), parseCount);
  const burstWrites = await askText(ask, `${name}: writes per burst`, String(d.burstWrites), (t) => parseBurstWrites(t, bursts));
  const mode = await askChoice(ask, `${name}: the writes are`, MODES, d.mode);
  const reader = await askReader(ask, name, d.reader);
  const flow: Flow = { name, peer, pattern, bursts, burstWrites, mode, reader };
  const hasOptions = OPTION_FIELDS.some((f) => d[f] !== undefined);
  if (!(await askYesNo(ask, `${name}: set socket options, fusion exceptions or an IP Filter drop?`, hasOptions))) return flow;
  return { ...flow, ...(await askOptions(ask, name, d, bursts * burstWrites)) };
}
