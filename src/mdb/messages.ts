// Every message of the mdb layer, in mdb's words (mdb_err.c, mdb_cmds.c,
// mdb_fmt.c, mdb_lex.l). The `mdb: ` prefix is added where they are printed.

export const MSG = {
  unknownSymbol: 'failed to dereference symbol: unknown symbol name',
  noMapping: 'failed to read data from target: no mapping for address',
  notWritable: (value: string, addr: bigint) =>
    `failed to write ${value} at address 0x${addr.toString(16)}: target is not open for writing`,
  badWriteOperand: (arg: string) => `failed to write "${arg}": failed to evaluate command`,
  writeNoMapping: (value: string, addr: bigint) =>
    `failed to write ${value} at address 0x${addr.toString(16)}: no mapping for address`,
  expectedValue: (fmt: string) => `expected value to write following ${fmt}`,
  expectedFormat: (verb: string) => `expected one or more format characters following '${verb}'`,
  invalidFormat: (ch: string) => `invalid format character -- '${ch}'`,
  unknownDcmd: (name: string) => `invalid command '${name}': unknown dcmd name`,
  syntax: (near: string, line?: number) =>
    line === undefined ? `syntax error near "${near}"` : `syntax error on line ${line} of (stdin) near "${near}"`,
  badRadix: 'expected radix from 2 to 16',
  unknownHelp: (name: string) => `unknown command: ${name}`,
  tryHelp: (name: string) => `try '::help ${name}' for more information`,
  notSupported: 'command is not supported by current target',
} as const;
