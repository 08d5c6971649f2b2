import type { Command, Option } from 'commander';
import { CODE_NAMES } from './etc-system/codes';
import type { IO } from './io';
import { DCMDS } from './mdb/dcmds/table';
import { EXIT_USAGE, program } from './options';

// `fusion-mdb completion bash|zsh`: a completion script written from the option
// list (src/options.ts) and the dcmd table, so neither is written out again here.

const SHELLS = ['bash', 'zsh'] as const;
type Shell = (typeof SHELLS)[number];

/** What an option's argument names, read from its placeholder in the option table: `<file>` or `<dir>`. */
function pathKind(o: Option): 'file' | 'dir' | undefined {
  const m = /[<[](file|dir)(?:\.\.\.)?[>\]]/.exec(o.flags);
  return m ? (m[1] as 'file' | 'dir') : undefined;
}

function options(cmd: Command): readonly Option[] {
  return cmd.createHelp().visibleOptions(cmd);
}

/** `::name` for every dcmd typed after `::` (the `$x` ones are typed as they are). */
const dcmdWords = (): string[] => DCMDS.filter((d) => !d.name.startsWith('$')).map((d) => `::${d.name}`);

const flags = (o: Option): string[] => [o.short, o.long].filter((f): f is string => f !== undefined);

/** What may follow an option: its choices, a file or directory, the dcmds (for -e), the check codes (for --explain), or nothing. */
function argumentWords(o: Option): string[] | 'file' | 'dir' | undefined {
  if (!o.required && !o.optional) return undefined;
  if (o.argChoices) return o.argChoices;
  const kind = pathKind(o);
  if (kind !== undefined) return kind;
  if (o.short === '-e') return dcmdWords();
  if (o.long === '--explain') return [...CODE_NAMES];
  return undefined;
}

/** bash: file (or directory) names for the word under the cursor, one a line (a space in a name kept), `/` after a directory. */
const BASH_PATHS = { file: '_fusion_mdb_paths -f; return', dir: '_fusion_mdb_paths -d; return' } as const;

/** The option that makes the program's `[file...]` arguments mean something (--check). */
const FILE_ARGS_WITH = '--check';

function bash(cmd: Command): string {
  const cases = options(cmd).flatMap((o) => {
    const words = argumentWords(o);
    if (words === undefined) return [];
    const action = words === 'file' || words === 'dir' ? BASH_PATHS[words] : `words="${words.join(' ')}"`;
    return [`    ${flags(o).join('|')}) ${action} ;;`];
  });
  const all = options(cmd).flatMap(flags).join(' ');
  const fileArgs = cmd.registeredArguments.some((a) => a.name() === 'file');
  return `# bash completion for fusion-mdb: source <(fusion-mdb completion bash)
_fusion_mdb_paths() {
  compopt -o filenames 2>/dev/null
  local IFS=$'\\n'
  COMPREPLY=($(compgen "$1" -- "$cur"))
}
_fusion_mdb() {
  # The word under the cursor, colons kept (bash splits words at ':', ::dcmds have two).
  local line=\${COMP_LINE:0:COMP_POINT}
  local cur=\${line##*[[:space:]]}
  local -a typed
  read -ra typed <<< "\${line% *}"
  local prev=\${typed[\${#typed[@]}-1]}
  [[ $line == *[[:space:]] ]] && cur=''
  [[ $line != *[[:space:]]* ]] && prev=''
  local words=''
  case $prev in
${cases.join('\n')}
    completion) words="${SHELLS.join(' ')}" ;;
    *)
      if [[ $cur == -* ]]; then words="${all}"
      elif [[ $cur == :* ]]; then words="${dcmdWords().join(' ')}"
      elif [[ \${#typed[@]} -eq 1 ]]; then words="completion"${fileArgs ? `
      elif [[ " \${typed[*]} " == *" ${FILE_ARGS_WITH} "* ]]; then ${BASH_PATHS.file}` : ''}
      fi ;;
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  # Readline replaces only what follows the last ':' of the word.
  if [[ $cur == *:* ]]; then
    local done=\${cur%"\${cur##*:}"}
    COMPREPLY=("\${COMPREPLY[@]#"$done"}")
  fi
}
complete -F _fusion_mdb fusion-mdb
`;
}

/** Text for inside a zsh _arguments spec: [ ] : and ' would end it. */
const zshText = (s: string): string => s.replace(/([[\]:\\])/g, '\\$1').replace(/'/g, "'\\''");

function zsh(cmd: Command): string {
  const specs = options(cmd).flatMap((o) => {
    const words = argumentWords(o);
    const arg = o.required || o.optional
      ? `:${zshText(o.flags.replace(/^.*[<[]([^>\]]+)[>\]].*$/, '$1'))}:${words === 'file' ? '_files' : words === 'dir' ? '_files -/' : words === undefined ? ' ' : `(${words.map(zshText).join(' ')})`}`
      : '';
    const group = flags(o);
    const head = group.length > 1 ? `(${group.join(' ')})'{${group.join(',')}}'` : group.join('');
    return [`  '${head}[${zshText(o.description)}]${arg}'`];
  });
  return `#compdef fusion-mdb
# zsh completion for fusion-mdb: fusion-mdb completion zsh > "\${fpath[1]}/_fusion-mdb"
_arguments -s \\
${specs.join(' \\\n')} \\
  '1::subcommand:(completion)' \\
  '2::shell:(${SHELLS.join(' ')})'
`;
}

/** Prints the script for the shell named in argv; usage errors exit 2. */
export function printCompletion(argv: readonly string[], io: IO): number {
  const [shell, ...rest] = argv;
  if (!SHELLS.includes(shell as Shell) || rest.length > 0) {
    io.stderr.write(`fusion-mdb: usage: fusion-mdb completion ${SHELLS.join('|')}\n`);
    return EXIT_USAGE;
  }
  const cmd = program(io);
  io.stdout.write(shell === 'bash' ? bash(cmd) : zsh(cmd));
  return 0;
}
