import { Command, CommanderError, Option } from 'commander';
import pkg from '../package.json';
import { addCheckOptions, checkOptions, collect, repeated, type CheckOptions } from './check-options';
import type { IO } from './io';
import { DEFAULT_MEMORY, DEFAULT_NCPUS, MAX_NCPUS, memoryText, parseMemory, type Machine } from './kernel/machine';
import type { ArchId, ReleaseId } from './kernel/types';

export interface Options {
  writable: boolean;
  quiet: boolean;
  command?: string;
  release: ReleaseId;
  arch: ArchId;
  /** --memory and --ncpus, with the arch: the machine the model kernel boots on. */
  machine: Machine;
  /** --system-d DIR: /etc/system.d fragments read before /etc/system. */
  systemD?: string;
  /** --root DIR: boot from DIR/etc/system.d and DIR/etc/system. */
  root?: string;
  etcSystem?: string;
  workload?: string;
  check: boolean;
  strict: boolean;
  json: boolean;
  report: boolean;
  failOnEagain: boolean;
  truss?: string;
  dtrace?: string;
  dtraceScript: boolean;
  /** --explain CODE: print the page of a check code and exit. */
  explain?: string;
  /** --check's files, format, threshold, config and fixes (src/check-options.ts). */
  checker: CheckOptions;
}

/** Exit status for usage problems (bad option, missing file), as mdb's. */
export const EXIT_USAGE = 2;

/** The command line: its options are the one list help, parsing and shell completion (src/completion.ts) read. */
export function program(io: IO): Command {
  return addCheckOptions(new Command('fusion-mdb'))
    .description('An mdb -k look-alike over a model Solaris kernel with TCP Fusion, and an /etc/system checker.')
    .version(pkg.version, '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'print this help and exit')
    .option('-k', 'debug the (model) live kernel; the default, accepted as mdb takes it')
    .option('-w', 'open the kernel for writing (otherwise every write fails, as in mdb)')
    .option('-e <command>', 'run one command and exit (1 if it failed)', collect)
    .option('-q', 'quiet: only what mdb itself prints (no notes or hints)')
    .addOption(new Option('--release <release>', 'the kernel to model').choices(['s10', 'opensolaris', 'illumos', 'solaris11']).default('s10'))
    .addOption(new Option('--arch <arch>', 'the machine').choices(['sun4v', 'i86pc']).default('sun4v'))
    .option('--memory <size>', `installed memory of the model machine, e.g. 512m, 8g, 1t (default: ${memoryText(DEFAULT_MEMORY)})`)
    .option('--ncpus <n>', `CPUs of the model machine (default: ${DEFAULT_NCPUS})`)
    .option('--etc-system <file>', 'boot the model kernel with this /etc/system file', collect)
    .option('--system-d <dir>', 'read the /etc/system.d fragments in DIR (by name, dot files skipped) before /etc/system')
    .option('--root <dir>', 'boot from DIR/etc/system.d and DIR/etc/system, as bootadm -R DIR does')
    .option('--workload <file>', 'workload JSON for the fusion report (default: the customer case)', collect)
    .option('--check', 'only check /etc/system files (FILE... or --etc-system): exit 0 clean, 1 findings, 2 usage')
    .option('--strict', 'with --check: the same as --failure-threshold warning')
    .option('--json', 'machine-readable output for --check and the report')
    .option('--report', 'print the fusion report even when commands come on stdin')
    .option('--fail-on-eagain', 'exit 3 when any flow of the report gets EAGAIN')
    .option('--truss <file>', 'import a truss trace as the workload and replay it against the model')
    .option('--dtrace <file>', 'import the output of the --dtrace-script script (or the blog\'s unread_hiwater lines)')
    .option('--dtrace-script', 'print the DTrace script whose output --dtrace reads, and exit')
    .option('--explain <code>', 'print the documentation of a --check code (e.g. wrong-module) and exit')
    .addHelpText('after', [
      '',
      'Examples:',
      '  echo "tcp_fusion_rcv_unread_min/D" | fusion-mdb -k',
      '  fusion-mdb -kw -e "tcp_fusion_rcv_unread_min/W 0t32"',
      '  fusion-mdb --check /etc/system hosts/*/system',
      '  fusion-mdb --explain mdb-radix',
      '',
      'Numbers are hex unless prefixed, as in mdb: 0t32 is decimal 32, 32 is 0x32 = 50.',
    ].join('\n'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`fusion-mdb: ${s.replace(/^error: /, '')}`),
    });
}

/** Parses argv (without node and script); a number is the exit status to stop with. */
export function parseOptions(argv: readonly string[], io: IO): Options | number {
  const cmd = program(io);
  try {
    cmd.parse([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
      io.stderr.write("fusion-mdb: try 'fusion-mdb --help' for usage\n");
      return EXIT_USAGE;
    }
    throw e;
  }
  const o = cmd.opts<Record<string, unknown>>();
  const checker = repeated(o) ?? checkOptions(o, cmd.args, (key) => cmd.getOptionValueSource(key));
  if (typeof checker === 'string') {
    io.stderr.write(`fusion-mdb: ${checker}\nfusion-mdb: try 'fusion-mdb --help' for usage\n`);
    return EXIT_USAGE;
  }
  const once = (key: string): string | undefined => (Array.isArray(o[key]) ? (o[key] as string[])[0] : undefined);
  const command = once('e');
  const etcSystem = once('etcSystem');
  const workload = once('workload');
  const machine = machineOption(o, o.arch as ArchId);
  if (typeof machine === 'string') {
    io.stderr.write(`fusion-mdb: ${machine}\nfusion-mdb: try 'fusion-mdb --help' for usage\n`);
    return EXIT_USAGE;
  }
  return {
    machine,
    ...(typeof o.systemD === 'string' ? { systemD: o.systemD } : {}),
    ...(typeof o.root === 'string' ? { root: o.root } : {}),
    writable: o.w === true,
    quiet: o.q === true,
    ...(command === undefined ? {} : { command }),
    release: o.release as ReleaseId,
    arch: o.arch as ArchId,
    ...(etcSystem === undefined ? {} : { etcSystem }),
    ...(workload === undefined ? {} : { workload }),
    check: o.check === true,
    strict: o.strict === true,
    json: o.json === true,
    report: o.report === true,
    failOnEagain: o.failOnEagain === true,
    ...(typeof o.truss === 'string' ? { truss: o.truss } : {}),
    ...(typeof o.dtrace === 'string' ? { dtrace: o.dtrace } : {}),
    dtraceScript: o.dtraceScript === true,
    ...(typeof o.explain === 'string' ? { explain: o.explain } : {}),
    checker,
  };
}

/** --memory and --ncpus: the machine, or what is wrong with them. */
function machineOption(o: Record<string, unknown>, arch: ArchId): Machine | string {
  const memory = typeof o.memory === 'string' ? parseMemory(o.memory, arch) : DEFAULT_MEMORY;
  if (typeof memory !== 'bigint') return memory.error;
  let ncpus = DEFAULT_NCPUS;
  if (typeof o.ncpus === 'string') {
    ncpus = /^\d{1,5}$/.test(o.ncpus) ? Number(o.ncpus) : NaN;
    if (!(ncpus >= 1 && ncpus <= MAX_NCPUS)) return `--ncpus: expected a number of CPUs from 1 to ${MAX_NCPUS}, not '${o.ncpus}'`;
  }
  return { arch, memory, ncpus };
}
