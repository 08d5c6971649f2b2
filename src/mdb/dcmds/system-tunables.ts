// ::tunables [-a]: every tunable's default, boot and live value, and where the
// live value came from (loaded on first use: it brings cli-table3).

import { toSigned, type Kernel } from '../../kernel/kernel';
import type { KernelSymbol } from '../../kernel/symbols';
import { renderTunables, type TunableRow } from '../../render/tunables';
import { bootedKernel } from '../booted-kernel';
import type { DcmdContext, DcmdResult } from './types';

// The variables the fusion model reads (tcp_fusion.c): always listed.
const FUSION_VARIABLES = new Set(['do_tcp_fusion', 'do_tcp_direct_sockfs', 'tcp_fusion_rcv_unread_min']);

/** A variable's value as its C type reads it, signed or not. */
function decimal(sym: KernelSymbol, raw: bigint): bigint {
  return sym.signed ? toSigned(raw, sym.size) : raw;
}

function variableRows(live: Kernel, boot: Kernel, fresh: Kernel): TunableRow[] {
  return live.symbols.map((sym) => {
    const at = (k: Kernel): bigint => decimal(sym, k.value(k.lookup(sym.name) as KernelSymbol));
    const derived = boot.derivation.get(sym.name);
    return {
      name: sym.name, module: sym.module, size: sym.size, default: at(fresh), boot: at(boot), live: at(live),
      source: live.provenance(sym.name) ?? 'default', ...(derived === undefined ? {} : { derived }),
    };
  });
}

// ndd settings are not read from /etc/system: their boot value is the default.
function nddRows(live: Kernel): TunableRow[] {
  return live.nddParams().map(({ param, value, provenance }) => ({
    name: param.name, module: param.device, size: undefined, default: BigInt(param.default),
    boot: BigInt(param.default), live: BigInt(value), source: provenance,
  }));
}

const worthShowing = (r: TunableRow): boolean =>
  FUSION_VARIABLES.has(r.name) || r.source !== 'default' || r.live !== r.default || r.boot !== r.default;

export function tunables(ctx: DcmdContext): DcmdResult {
  const all = ctx.args.length === 1 && ctx.args[0] === '-a';
  if ((ctx.args.length > 0 && !all) || ctx.addr !== undefined) return 'usage';
  const s = ctx.session;
  const boot = bootedKernel(s, s.boots.running).kernel;
  const fresh = bootedKernel(s, undefined).kernel;
  const vars = variableRows(s.kernel, boot, fresh);
  const ndd = nddRows(s.kernel);
  const rows = all ? [...vars, ...ndd] : [...vars.filter(worthShowing), ...ndd.filter((r) => r.source !== 'default')];
  s.out.line(renderTunables(rows, vars.length + ndd.length, all, s.theme));
  return 'ok';
}
