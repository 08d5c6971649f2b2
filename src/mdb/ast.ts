// The shapes a parsed mdb command takes (after mdb_grammar.y).

export type BinaryOp = '+' | '-' | '*' | '%' | '#' | '&' | '|' | '^' | '<<' | '>>' | '==' | '!=';
export type UnaryOp = '-' | '~' | '#' | '*';

export type Expr =
  | { k: 'word'; text: string }
  | { k: 'dot' }
  | { k: 'unary'; op: UnaryOp; e: Expr }
  | { k: 'binary'; op: BinaryOp; l: Expr; r: Expr };

export interface Range {
  addr?: Expr;
  count?: Expr;
}

export type Command =
  /** `addr,count/fmt args` (read or write) and `expr=fmt`. */
  | (Range & { k: 'format'; verb: '/' | '='; fmt: string; args: string[]; text: string })
  /** `addr::name args` and `$c args`. */
  | (Range & { k: 'dcmd'; name: string; args: string[] })
  /** A bare expression: sets dot. */
  | (Range & { k: 'expr' });

export interface SyntaxErr {
  k: 'syntax';
  near: string;
}

/** A statement: commands joined by `|` (each feeds the next its output as addresses), then `! shell-command`. */
export interface Statement {
  k: 'statement';
  /** Empty only for a bare `! shell-command`. */
  pipeline: Command[];
  shell?: string;
}
