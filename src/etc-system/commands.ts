// modsysfile.c modcmd[]: the system file keywords, each accepted in lower case
// or in upper case and in no other spelling.

export const KEYWORDS = ['exclude', 'include', 'forceload', 'rootdev', 'rootfs', 'swapdev', 'swapfs', 'moddir', 'set', 'set32', 'set64'] as const;

export type Keyword = (typeof KEYWORDS)[number];

export const COMMANDS: ReadonlyMap<string, Keyword> = new Map(
  KEYWORDS.flatMap((k) => [[k, k], [k.toUpperCase(), k]] as const),
);
