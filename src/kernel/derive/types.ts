// What a boot-time derivation sees and says: the kernel's variables (by name,
// read as their C type reads them), the machine, and the messages it prints.

import type { Machine, MachinePages } from '../machine';

export interface BootVars {
  has(name: string): boolean;
  /** The value as its C type reads it: signed types come back signed. */
  get(name: string): bigint;
  set(name: string, value: bigint): void;
}

/**
 * Something the boot said about a variable: the kernel's own NOTICE or WARNING
 * line, or fusion-mdb's note that a value set in /etc/system was clamped or
 * silently ignored (the kernel prints nothing for those).
 */
export type BootEvent =
  | { name: string; form: 'notice' | 'warn'; message: string }
  | { name: string; form: 'ours'; kind: 'clamped' | 'ignored'; message: string };

export interface DeriveContext {
  vars: BootVars;
  machine: Machine;
  pages: MachinePages;
  events: BootEvent[];
  /** For ::tunables: how each derived value was worked out. */
  explain: Map<string, string>;
  /** The arcstats arc_init sets (c, c_min, c_max, p, arc_meta_limit, ...), in bytes. */
  arcstats: Map<string, bigint>;
}

export type Step = (ctx: DeriveContext) => void;

export const MB = 1n << 20n;
export const GB = 1n << 30n;

export const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
export const max = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** Derives `name` when it still holds its compiled value (0, or -1 for ncsize): /etc/system wins. */
export function derived(ctx: DeriveContext, name: string, value: bigint, why: string): bigint {
  ctx.vars.set(name, value);
  ctx.explain.set(name, `derived: ${why}`);
  return value;
}

/** A value set in /etc/system that the kernel replaced with its own, without a word. */
export function ignored(ctx: DeriveContext, name: string, set: bigint, used: bigint, why: string): void {
  ctx.events.push({
    name, form: 'ours', kind: 'ignored',
    message: `the kernel ignores ${name} = ${set} at boot and uses ${used} (${why})`,
  });
}

/** A value set in /etc/system that the kernel lowers or raises to a limit. */
export function clamped(ctx: DeriveContext, name: string, set: bigint, used: bigint, why: string): void {
  ctx.events.push({
    name, form: 'ours', kind: 'clamped',
    message: `the kernel limits ${name} = ${set} to ${used} at boot (${why})`,
  });
}

/**
 * Caps `name` at `limit` (`why` names it): a value derived in this boot keeps
 * its explanation with the cap added; one from /etc/system is reported as clamped.
 */
export function limit(ctx: DeriveContext, name: string, value: bigint, limitValue: bigint, why: string): bigint {
  const before = ctx.explain.get(name);
  if (before === undefined) clamped(ctx, name, value, limitValue, why);
  ctx.vars.set(name, limitValue);
  ctx.explain.set(name, before === undefined ? `set to ${value}, limited to ${why} ${limitValue}` : `${before}, limited to ${why} ${limitValue}`);
  return limitValue;
}
