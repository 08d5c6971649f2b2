import type { Kernel } from '../../kernel/kernel';
import { parseNumber } from '../numbers';
import type { DcmdContext, DcmdResult } from './types';

// ndd(1M) inside the session, for the /dev/tcp parameters that are no kernel
// symbols: `::ndd DEVICE NAME...`, `::ndd -set DEVICE NAME VALUE`, `::ndd DEVICE ?`.
// The messages are ndd.c's own; they go to stderr, as a failed command's do here.

const NDD = {
  noDevice: (device: string) => `open of ${device} failed: No such file or directory`,
  // do_getset(): ENOENT from the ND_GET / ND_SET ioctl.
  noName: ['name is non-existent for this module', "for a list of valid names, use name '?'"],
  // do_getset() prints strerror() of the ioctl's errno. tcp_param_set(): not a
  // decimal number, or outside [min, max] (EINVAL); mod_set_buf_prop(): a
  // send_buf or recv_buf above the current max_buf (ERANGE).
  invalid: 'operation failed: Invalid argument',
  range: 'operation failed: Result too large',
} as const;

/** `?` lists the names; `\?` is how a shell user types it, and mdb takes it as typed. */
const isListing = (name: string): boolean => name === '?' || name === '\\?';

function devices(k: Kernel): Set<string> {
  return new Set(k.nddParams().map((p) => p.param.device));
}

/** name_print(): `%-30s%s`, the name and whether it can be set. */
function listing(k: Kernel, device: string): string[] {
  const row = (name: string, tag: string): string => `${name.padEnd(30)}${tag}`;
  return [row('?', '(read only)'), ...k.nddParams().filter((p) => p.param.device === device).map((p) => row(p.param.name, '(read and write)'))];
}

/** Ours, after ndd's words: where a name that is no parameter of this device lives. */
function hint(k: Kernel, device: string, name: string): string | undefined {
  const elsewhere = k.nddParams().find((p) => p.param.name === name && p.param.device !== device);
  if (elsewhere) return `hint: ${name} is a parameter of ${elsewhere.param.device}: ::ndd ${elsewhere.param.device} ${name}`;
  const sym = k.lookup(name);
  if (sym) return `hint: ${name} is a kernel variable of module ${sym.entry.module}, not an ndd parameter: read it with ${name}/D`;
  return undefined;
}

/** Ours, after ndd's words: a buffer size is bounded by max_buf as it is now. */
function bufferHint(k: Kernel, device: string, name: string, value: string): string {
  const max = k.nddParams().find((p) => p.param.device === device && p.param.ipadm === 'max_buf');
  if (!max) return `hint: ${name} cannot be above the current max_buf`;
  return `hint: ${name} cannot be above ${max.param.name} (${max.value}); raise it first: ::ndd -set ${device} ${max.param.name} ${value}`;
}

function unknownName(ctx: DcmdContext, device: string, name: string): DcmdResult {
  const out = ctx.session.out;
  for (const line of NDD.noName) out.errorRaw(line);
  const h = hint(ctx.session.kernel, device, name);
  if (h) out.note(h);
  return 'error';
}

function get(ctx: DcmdContext, device: string, names: readonly string[]): DcmdResult {
  const s = ctx.session;
  for (const [i, name] of names.entries()) {
    // ndd separates the answers for several names with an empty line.
    if (i > 0) s.out.line('');
    if (isListing(name)) {
      for (const line of listing(s.kernel, device)) s.out.line(line);
      continue;
    }
    const v = s.kernel.ndd(device, name);
    if (!v) return unknownName(ctx, device, name);
    s.out.line(String(v.value));
  }
  return 'ok';
}

function set(ctx: DcmdContext, device: string, name: string, value: string): DcmdResult {
  const s = ctx.session;
  if (!s.kernel.ndd(device, name)) return unknownName(ctx, device, name);
  // ndd hands the kernel the text; tcp_param_set() reads it in decimal, whatever mdb's radix.
  const errno = /^[0-9]+$/.test(value) ? s.kernel.setNdd(device, name, Number(value), 'ndd') : 'EINVAL';
  if (errno === 'ERANGE') {
    s.out.errorRaw(NDD.range);
    s.out.note(bufferHint(s.kernel, device, name, value));
    return 'error';
  }
  if (errno !== null) {
    s.out.errorRaw(NDD.invalid);
    const prefixed = /^0[xXtToOiI]/.test(value) ? parseNumber(value, 10) : undefined;
    if (prefixed && 'value' in prefixed) {
      s.out.note(`hint: ndd reads VALUE in decimal, without mdb's prefixes: ::ndd -set ${device} ${name} ${prefixed.value}`);
    }
    return 'error';
  }
  if (s.connections.length) {
    s.out.note(`note: live connections keep what they latched; new ones get ${name} ${value}`);
  }
  return 'ok';
}

export function ndd(ctx: DcmdContext): DcmdResult {
  const args = ctx.args[0] === '-get' ? ctx.args.slice(1) : ctx.args;
  const setting = args[0] === '-set';
  const [device, ...names] = setting ? args.slice(1) : args;
  if (device === undefined || device.startsWith('-') || names.length === 0 || (setting && names.length !== 2)) return 'usage';
  if (!devices(ctx.session.kernel).has(device)) {
    ctx.session.out.errorRaw(NDD.noDevice(device));
    return 'error';
  }
  return setting ? set(ctx, device, names[0] as string, names[1] as string) : get(ctx, device, names);
}
