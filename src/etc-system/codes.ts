// Every diagnostic code of the /etc/system checker, in one table: its default
// severity (by effect: error = the line will not take effect as written), a
// one-line summary, and its documentation page. docs/checks/CODE.md,
// `--explain CODE` and SARIF rules[].help are all rendered from this table
// (src/etc-system/code-page.ts); test/etc-system/codes.test.ts keeps them in step.
//
// Adding a code: one row here (the page fields are required), then
// `UPDATE_GOLDEN=1 npx vitest run test/etc-system/codes.test.ts` writes its page.

export type Severity = 'error' | 'warning' | 'note';

export interface CodeInfo {
  severity: Severity;
  /** One line: what the diagnostic says is wrong. */
  summary: string;
  /** What the kernel does with such a line (modsysfile.c and friends). */
  kernel: string;
  /** Why it matters to the person who wrote the line. */
  why: string;
  /** A line (or lines) that gets this diagnostic, and what to write instead. */
  bad: string;
  good: string;
  /** `--fix` corrects it (only where the fix is certain). */
  fixable?: true;
}

export const CODES = {
  // --- the kernel's parser (modsysfile.c read_system_file, do_sysfile_cmd, kobj_lex) ---
  syntax: {
    severity: 'error',
    summary: 'the kernel cannot parse the line and skips it',
    kernel: "The kernel's reader prints `Unexpected token`, `value expected`, `unsupported operator` or `bad rvalue` with the line number and skips the rest of the line. Nothing on the line is applied.",
    why: 'The setting you wrote is not made; the machine boots with the previous value and only the console says so.',
    bad: 'set ip:do_tcp_fusion = tcp',
    good: 'set ip:do_tcp_fusion = 0',
  },
  'unknown-command': {
    severity: 'error',
    summary: 'the first word of the line is not a /etc/system command',
    kernel: "The kernel knows `set`, `set32`, `set64`, `exclude`, `include`, `forceload`, `moddir`, `rootdev`, `rootfs`, `swapdev` and `swapfs`. Any other first word gets `unknown command '...'` and the line is skipped.",
    why: 'A typo in the command means the whole line is ignored at boot.',
    bad: 'sett maxusers = 2048',
    good: 'set maxusers = 2048',
  },
  'keyword-case': {
    severity: 'error',
    summary: 'a command spelled in mixed case, which the kernel does not recognise',
    kernel: "The kernel's command table has each keyword twice, all lower case and all upper case (`set`, `SET`). `Set` matches neither: `unknown command 'Set'`, and the line is skipped.",
    why: 'The line looks right to a person and does nothing at boot.',
    bad: 'Set ip:do_tcp_fusion = 0',
    good: 'set ip:do_tcp_fusion = 0',
    fixable: true,
  },
  'invalid-number': {
    severity: 'error',
    summary: 'a number with a leading 0 (octal) holds the digit 8 or 9',
    kernel: 'The kernel reads a number that starts with `0` as octal, `0x` as hex and anything else as decimal. `08` is not octal: `invalid number`, and the line is skipped.',
    why: 'A zero-padded decimal (`08`, `010`) is either rejected or read as octal, never as the decimal you meant.',
    bad: 'set ip:tcp_fusion_rcv_unread_min = 08',
    good: 'set ip:tcp_fusion_rcv_unread_min = 8',
  },
  'illegal-operator': {
    severity: 'error',
    summary: 'a "string" value used with `|` or `&`',
    kernel: "Only `=` takes a quoted string. With `|` or `&` the kernel prints `illegal operator '...' used on a string` and skips the line.",
    why: 'The line is ignored at boot.',
    bad: 'set ip:do_tcp_fusion | "on"',
    good: 'set ip:do_tcp_fusion | 1',
  },
  'value-too-long': {
    severity: 'error',
    summary: "a token longer than the kernel's buffer for it",
    kernel: 'The kernel reads a command word into 80 bytes, a module-qualified name into 64, a path or value into 256. A longer token is cut off and the line is rejected (`value too long` or `Unexpected token`).',
    why: 'The line is ignored at boot.',
    bad: 'forceload: drv/aaaaaaaa... (more than 256 characters)',
    good: 'forceload: drv/ipf',
  },
  'missing-colon': {
    severity: 'warning',
    summary: 'a colon should follow exclude, include, forceload, rootfs or swapfs',
    kernel: "The kernel prints `A colon (:) must follow the '...' command` and then uses the line anyway.",
    why: 'The line works, but the kernel complains on the console at every boot, and the same mistake on `moddir`, `rootdev` or `swapdev` drops the line (see colon-required).',
    bad: 'forceload drv/ipf',
    good: 'forceload: drv/ipf',
  },
  'colon-required': {
    severity: 'error',
    summary: 'moddir, rootdev or swapdev without the colon the kernel requires',
    kernel: "For `moddir`, `rootdev` and `swapdev` the kernel prints `A colon (:) must follow the '...' command` and skips the line.",
    why: 'The root device, swap device or module path you wrote is not used.',
    bad: 'rootdev /pseudo/md@0:0,0,blk',
    good: 'rootdev: /pseudo/md@0:0,0,blk',
  },
  'extraneous-input': {
    severity: 'warning',
    summary: 'more on the line after a complete directive',
    kernel: "The kernel applies the directive, prints `extraneous input ignored starting at '...'` and skips the rest of the line.",
    why: 'Whatever follows was meant to do something (a second setting, a comment without `*`), and it does not.',
    bad: 'set ip:do_tcp_fusion = 1 set maxusers = 2048',
    good: 'set ip:do_tcp_fusion = 1\nset maxusers = 2048',
  },
  'mdb-radix': {
    severity: 'error',
    summary: "an mdb number prefix (0t, 0o, 0i) that the kernel reads as 0",
    kernel: "The kernel's number reader knows `0x` (hex), a leading `0` (octal) and plain decimal. In `0t512` it reads the number `0`, stops at `t`, sets the variable to 0 and prints `extraneous input ignored starting at 't512'`.",
    why: "`0t` means decimal to mdb, so a value tried live with `mdb -kw` is easy to copy into /etc/system as is. At boot the variable is set to 0, which for most tunables is the worst value there is.",
    bad: 'set maxusers = 0t512',
    good: 'set maxusers = 512',
    fixable: true,
  },
  'uppercase-hex': {
    severity: 'error',
    summary: 'a hex number written 0X...: the kernel only knows a lower-case 0x',
    kernel: "The kernel's reader starts a hex number only at `0x`. `0X20` is the number `0` followed by `X20`, which is ignored with `extraneous input ignored starting at 'X20'`: the variable is set to 0.",
    why: 'The variable gets 0 instead of the value you wrote.',
    bad: 'set ip:tcp_fusion_rcv_unread_min = 0X20',
    good: 'set ip:tcp_fusion_rcv_unread_min = 0x20',
    fixable: true,
  },
  'missing-quote': {
    severity: 'error',
    summary: 'a "string" without its closing quote',
    kernel: 'The kernel prints `Missing "` and keeps a string made of a single newline in place of what you wrote.',
    why: 'The value set is not the string on the line.',
    bad: 'set ip:some_string_var = "yes',
    good: 'set ip:some_string_var = "yes"',
  },
  'character-overflow': {
    severity: 'warning',
    summary: 'an octal escape in a string above \\177',
    kernel: 'The kernel prints `Character overflow detected.` for an octal escape above 127 and keeps its low 8 bits.',
    why: 'The byte stored may not be the one you meant, and the console shows a warning at every boot.',
    bad: 'set ip:some_string_var = "\\400"',
    good: 'set ip:some_string_var = "\\100"',
  },
  'complement-lost': {
    severity: 'error',
    summary: '~0 is read as 0, not as all ones',
    kernel: "The kernel's number reader returns early for a lone `0` before it applies a leading `~`, so `~0` sets the variable to 0.",
    why: 'The variable gets 0, the opposite of the all-ones value you wrote.',
    bad: 'set ip:ip_squeue_fanout = ~0',
    good: 'set ip:ip_squeue_fanout = -1',
  },
  'utf-16': {
    severity: 'error',
    summary: 'the file is UTF-16 text',
    kernel: 'The kernel reads /etc/system one byte at a time. In UTF-16 every other byte is a NUL, so every line is rejected.',
    why: 'None of the settings in the file apply. Editors on other systems save UTF-16 without saying so.',
    bad: '(the same lines, saved as UTF-16)',
    good: '(the same lines, saved as plain ASCII: iconv -f UTF-16 -t UTF-8)',
  },
  'byte-order-mark': {
    severity: 'warning',
    summary: 'the file starts with a UTF-8 byte order mark',
    kernel: 'The three bytes \\357\\273\\277 are read as part of the first line, which the kernel then rejects.',
    why: 'The first line of the file is lost; when it is a comment nothing else is, but it is an accident waiting to happen.',
    bad: '(a file saved with a byte order mark)',
    good: '(the same file saved without one)',
  },
  'binary-file': {
    severity: 'note',
    summary: 'the file holds NUL bytes: probably not a text file',
    kernel: 'The kernel reads it line by line anyway and rejects what it cannot parse.',
    why: 'A binary file in place of /etc/system is usually a copying mistake.',
    bad: '(a file with NUL bytes)',
    good: '(a text file)',
  },
  'empty-file': {
    severity: 'note',
    summary: 'the file is empty',
    kernel: 'An empty /etc/system is legal: the kernel boots with the release defaults.',
    why: 'An empty file where settings were expected is usually a failed copy or a truncated write.',
    bad: '(an empty file)',
    good: '* /etc/system: no settings; release defaults',
  },
  'cannot-open': {
    severity: 'error',
    summary: 'the file cannot be read',
    kernel: 'The kernel prints `cannot open system file` and boots with the defaults.',
    why: 'Nothing in the file is checked, and at boot nothing in it would apply. The hint says why when it can: a directory, a FIFO or device (never read, so a check cannot hang on it), or a symbolic link that leads nowhere or into a loop.',
    bad: 'fusion-mdb --check /etc/sytem',
    good: 'fusion-mdb --check /etc/system',
  },

  // --- the kernel at boot (sys_set_var, check_system_file) and fusion-mdb's catalogue ---
  'wrong-module': {
    severity: 'error',
    summary: 'the variable exists, but in another module (or in the kernel proper)',
    kernel: "The kernel looks the variable up only in the module the line names (no module: the kernel proper). It is not there: `sorry, variable '...' is not defined in the '...' module`, and the line is ignored.",
    why: 'The setting is not made. This is the usual way a tunable from a tuning guide fails: `tcp_fusion_rcv_unread_min` is a variable of `ip`, not `tcp`.',
    bad: 'set tcp_fusion_rcv_unread_min = 0',
    good: 'set ip:tcp_fusion_rcv_unread_min = 0',
    fixable: true,
  },
  'ndd-parameter': {
    severity: 'error',
    summary: 'an ndd parameter, not a kernel variable',
    kernel: "`tcp_xmit_hiwat` and its kind are ndd parameters of /dev/tcp, /dev/ip or /dev/udp, not variables, so the kernel answers `sorry, variable '...' is not defined` and ignores the line.",
    why: 'The parameter keeps its default. Set it with `ndd -set` from a boot script (Solaris 10) or with `ipadm set-prop` (illumos).',
    bad: 'set ip:tcp_xmit_hiwat = 65536',
    good: '(in a boot script) ndd -set /dev/tcp tcp_xmit_hiwat 65536',
  },
  removed: {
    severity: 'error',
    summary: 'the variable does not exist on this release',
    kernel: "The variable was removed from the module on this release; the kernel answers `sorry, variable '...' is not defined` and ignores the line.",
    why: 'A file carried over from an older release keeps a setting that no longer does anything. `tcp_fusion_rcv_unread_min` was removed by CR 6826274 (OpenSolaris, and so illumos).',
    bad: 'set ip:tcp_fusion_rcv_unread_min = 0   (on illumos)',
    good: 'set ip:do_tcp_fusion = 0   (the only fusion tunable left)',
  },
  'near-miss': {
    severity: 'error',
    summary: 'no such variable: a name of a module known whole a letter or two from a real one, or a keyboard slip of one catalogued name',
    kernel: "The kernel has no variable of that name: `sorry, variable '...' is not defined`, and the line is ignored. fusion-mdb says so where its catalogue holds the module's whole symbol set (the System V IPC modules msgsys, semsys and shmsys), and anywhere for a keyboard slip: exactly one catalogued name with a letter dropped (`maxusrs`), doubled or two neighbours swapped, a name no release defines. Any other close name is only a suggestion in a `not-catalogued` note, since real variables often differ by a changed letter (`segmapsize`, `segkpsize`).",
    why: 'A typo in a variable name silently loses the setting.',
    bad: 'set shmsys:shminfo_shmset = 10',
    good: 'set shmsys:shminfo_shmseg = 10',
    fixable: true,
  },
  'unknown-variable': {
    severity: 'error',
    summary: 'no such variable in a module whose every variable is known',
    kernel: "The module loads and has no variable of that name: `sorry, variable '...' is not defined in the '...' module`, and the line is ignored.",
    why: 'The setting is lost; the hint lists the variables the module does have.',
    bad: 'set semsys:seminfo_semmaxval = 32767',
    good: 'set semsys:seminfo_semvmx = 32767',
  },
  'other-arch': {
    severity: 'warning',
    summary: 'a module or variable of the other machine architecture (x86 or SPARC)',
    kernel: "A module built only for the other architecture never loads, so the line is never applied and nothing is printed. A kernel-proper variable of the other platform gets `sorry, variable '...' is not defined in the 'kernel' `.",
    why: 'Harmless in a file shared by x86 and SPARC machines, but on this one the line does nothing.',
    bad: 'set pcplusmp:apic_panic_on_nmi = 1   (on a SPARC machine)',
    good: 'keep the line only in the x86 machines\' /etc/system (or in an /etc/system.d fragment for x86)',
  },
  'not-catalogued': {
    severity: 'note',
    summary: 'a name fusion-mdb does not know, in a module it knows',
    kernel: 'The kernel sets it if the module has such a variable. fusion-mdb cannot tell: its catalogue holds the documented tunables, not every symbol. When a catalogued name is close, the hint suggests it; it cannot be sure the name is wrong.',
    why: 'Nothing is known to be wrong; the note says the line was not checked.',
    bad: 'set ip:some_private_knob = 1',
    good: 'set ip:some_private_knob = 1   (checked against the source, then silenced)',
  },
  'unknown-module': {
    severity: 'note',
    summary: 'a module fusion-mdb does not know: the line is not checked',
    kernel: 'The kernel applies the line when it loads that module (third-party drivers included); if no such module exists, the line never applies, and the kernel says nothing either way.',
    why: 'Most such modules are real (a vendor driver); a misspelt one (`tpc:`) loses the setting, which the hint points out when a known module is one letter away.',
    bad: 'set tpc:tcp_rexmit_interval_min = 400',
    good: 'set tcp:tcp_rexmit_interval_min = 400',
  },
  obsolete: {
    severity: 'warning',
    summary: 'the variable still exists but has been replaced (usually by a resource control)',
    kernel: 'The kernel sets the variable, but on this release something else (a resource control in /etc/project, a newer tunable) decides.',
    why: 'The setting takes effect only as a default seed, or not at all for the thing you meant.',
    bad: 'set shmsys:shminfo_shmmax = 0x200000000   (on Solaris 10)',
    good: '(in /etc/project) user.oracle:100::::project.max-shm-memory=(privileged,8G,deny)',
  },
  'out-of-range': {
    severity: 'warning',
    summary: 'the value is outside the range documented for the variable',
    kernel: 'The kernel stores the value; what the code does with it outside the documented range is not promised.',
    why: 'It may work, be clamped by the code that reads it, or misbehave.',
    bad: 'set ip:do_tcp_fusion = 2',
    good: 'set ip:do_tcp_fusion = 1',
  },
  'too-wide': {
    severity: 'error',
    summary: "the value does not fit in the variable's size and is truncated",
    kernel: 'The kernel stores the value at the size of the variable (1, 2, 4 or 8 bytes) and drops the high bits; a number past 64 bits keeps its low 64.',
    why: 'The variable gets a value other than the one written.',
    bad: 'set ip:do_tcp_direct_sockfs = 0x1ffffffff',
    good: 'set ip:do_tcp_direct_sockfs = 1',
  },
  'string-value': {
    severity: 'error',
    summary: 'a "string" given to a numeric variable',
    kernel: "The kernel would store the string's address in the variable; fusion-mdb does not apply it.",
    why: 'The variable gets a meaningless number.',
    bad: 'set ip:do_tcp_fusion = "0"',
    good: 'set ip:do_tcp_fusion = 0',
  },
  duplicate: {
    severity: 'warning',
    summary: 'a setting made more than once: an earlier line is overridden',
    kernel: 'The kernel applies the lines in order, so the last `=` wins, and warns `... is set more than once ... applied as the current setting.`',
    why: 'Someone changed the earlier line thinking it mattered.',
    bad: 'set ip:tcp_fusion_rcv_unread_min = 0x20\nset ip:tcp_fusion_rcv_unread_min = 0x10',
    good: 'set ip:tcp_fusion_rcv_unread_min = 0x10',
  },
  'repeated-directive': {
    severity: 'note',
    summary: 'the same exclude or forceload appears more than once',
    kernel: 'The kernel notes it (`NOTICE: ... appears more than once`) and does the same thing twice.',
    why: 'Harmless, but a sign of a file that grew by copy and paste.',
    bad: 'forceload: drv/ipf\nforceload: drv/ipf',
    good: 'forceload: drv/ipf',
  },
  'set32-ignored': {
    severity: 'note',
    summary: 'a set32 line, which a 64-bit kernel ignores',
    kernel: '`set32` lines apply only to a 32-bit kernel, `set64` only to a 64-bit one. The model kernel is 64-bit.',
    why: 'Usually intended (a file shared with 32-bit machines); the note says the line is not applied here.',
    bad: 'set32 ip:do_tcp_fusion = 0',
    good: 'set ip:do_tcp_fusion = 0',
  },

  // --- the kernel's boot-time derivations (param_calc, dnlc_init, ufs_iinit, arc_init, setupclock) ---
  'boot-message': {
    severity: 'warning',
    summary: 'the kernel prints a NOTICE or WARNING at boot about a value from /etc/system',
    kernel: 'After /etc/system is applied, the kernel sizes its tables and puts back what it will not run with, saying so on the console: `maxusers limited to 4096`, `name cache (dnlc) disabled`, `setting ufs_ninode to max value of N`, `ufs_HW (N) <= ufs_LW (N). Check /etc/system.`, `physmem limited to N`, `autoup <= 0; defaulting to 30`.',
    why: 'The value the machine runs with is not the one written; only the boot console says so.',
    bad: 'set maxusers = 8192',
    good: 'set maxusers = 4096',
  },
  'clamped-at-boot': {
    severity: 'warning',
    summary: 'a value from /etc/system that the kernel limits at boot, without a message',
    kernel: 'param_calc caps max_nprocs at maxpid and the per-user limit at max_nprocs - reserved_procs; setupclock caps fastscan at half of memory, slowscan at fastscan/2 and handspreadpages below the pages it manages. Nothing is printed.',
    why: 'mdb shows the limited value (or, for maxuprc, the per-user limit is lower than the variable), not the one in the file.',
    bad: 'set pidmax = 30000\nset max_nprocs = 100000',
    good: 'set pidmax = 100000\nset max_nprocs = 100000',
  },
  'ignored-at-boot': {
    severity: 'warning',
    summary: 'a value from /etc/system that the kernel silently replaces with its own',
    kernel: 'arc_init takes zfs_arc_max only above 64 MB and below memory, zfs_arc_min only above 64 MB and at most the ARC ceiling; setupclock takes lotsfree, desfree, minfree, throttlefree and pageout_reserve only when nonzero and below their ceiling; param_calc takes pidmax only between reserved_procs and 999999. Otherwise the computed default is used and nothing is printed.',
    why: 'The line looks applied (the variable holds it) but the kernel runs with another value: on a small machine a ZFS cap written for a large one does nothing.',
    bad: 'set zfs:zfs_arc_max = 0x1000000   (16 MB: below the 64 MB floor)',
    good: 'set zfs:zfs_arc_max = 0x40000000   (1 GB)',
  },

  // --- fusion-mdb's own comments ---
  'unknown-code': {
    severity: 'warning',
    summary: 'a `fusion-mdb: disable=` comment names a code that does not exist',
    kernel: 'Nothing: the kernel ignores comments.',
    why: 'The comment silences nothing, so the finding it was meant for is still reported (or the code was misspelt).',
    bad: '* fusion-mdb: disable=wrong-modul',
    good: '* fusion-mdb: disable=wrong-module -- set by the vendor installer',
  },
} as const satisfies Record<string, CodeInfo>;

export type DiagnosticCode = keyof typeof CODES;

export const CODE_NAMES = Object.keys(CODES) as DiagnosticCode[];

export function isCode(s: string): s is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(CODES, s);
}

/** The default severity of a code: the one place it is decided. */
export function severityOf(code: DiagnosticCode): Severity {
  return CODES[code].severity;
}
