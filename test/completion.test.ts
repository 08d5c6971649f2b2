import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers/io';

// `fusion-mdb completion bash|zsh`: the script is sourced into a real bash and its
// function driven as readline would drive it on Tab.

const dir = mkdtempSync(join(tmpdir(), 'fusion-mdb-completion-'));

async function script(shell: string): Promise<string> {
  const r = await run(['completion', shell]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** What bash offers for Tab at the end of `line`, in its order. */
async function tab(line: string): Promise<string[]> {
  const file = join(dir, 'fusion-mdb.bash');
  writeFileSync(file, await script('bash'));
  const driver = [
    `source ${JSON.stringify(file)}`,
    'COMP_LINE=$1; COMP_POINT=${#COMP_LINE}',
    'read -ra COMP_WORDS <<< "$COMP_LINE"; COMP_CWORD=${#COMP_WORDS[@]}',
    '[[ $COMP_LINE == *" " ]] || COMP_CWORD=$((COMP_CWORD - 1))',
    '"$(complete -p fusion-mdb | sed "s/.*-F \\([^ ]*\\) .*/\\1/")" fusion-mdb',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', driver, 'bash', line], { encoding: 'utf8', cwd: dir });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('bash completion', () => {
  it('registers itself for fusion-mdb', async () => {
    const file = join(dir, 'registered.bash');
    writeFileSync(file, await script('bash'));
    const r = spawnSync('bash', ['--norc', '-c', `source ${file}; complete -p fusion-mdb`], { encoding: 'utf8' });
    expect(r.stdout).toBe('complete -F _fusion_mdb fusion-mdb\n');
  });

  it('completes options', async () => {
    expect(await tab('fusion-mdb --re')).toEqual(['--release', '--report']);
    expect(await tab('fusion-mdb --etc')).toEqual(['--etc-system']);
    expect(await tab('fusion-mdb -kw --fail-o')).toEqual(['--fail-on-eagain']);
  });

  it('completes the choices of --release and --arch', async () => {
    expect(await tab('fusion-mdb --release ')).toEqual(['s10', 'opensolaris', 'illumos', 'solaris11']);
    expect(await tab('fusion-mdb -k --arch i')).toEqual(['i86pc']);
  });

  it('completes dcmd names after -e, giving readline what follows the colons', async () => {
    expect(await tab('fusion-mdb -e ::s')).toEqual(['set', 'status', 'sweep', 'system']);
    expect(await tab('fusion-mdb -kw -e ::per')).toEqual(['persist']);
    expect(await tab('fusion-mdb -e ::tu')).toEqual(['tunables']);
  });

  it('completes the check codes after --explain', async () => {
    expect(await tab('fusion-mdb --explain wrong-')).toEqual(['wrong-module']);
  });

  it('completes file names after --etc-system', async () => {
    writeFileSync(join(dir, 'system.test'), 'set ip:do_tcp_fusion=0\n');
    expect(await tab('fusion-mdb --etc-system system.t')).toEqual(['system.test']);
  });

  describe('file and directory arguments', () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'sub.d'), { recursive: true });
    writeFileSync(join(tree, 'a.system'), '');
    writeFileSync(join(tree, 'b.json'), '');
    writeFileSync(join(tree, 'sub.txt'), '');
    writeFileSync(join(tree, 'my system'), '');

    it('every option taking a file completes file names, absolute or relative', async () => {
      for (const opt of ['--etc-system', '--workload', '--truss', '--dtrace', '--config']) {
        expect(await tab(`fusion-mdb ${opt} ${tree}/a.sy`), opt).toEqual([`${tree}/a.system`]);
        expect(await tab(`fusion-mdb -k ${opt} tree/b`), opt).toEqual(['tree/b.json']);
      }
    });

    it('--root and --system-d complete directories only', async () => {
      for (const opt of ['--root', '--system-d']) {
        expect(await tab(`fusion-mdb ${opt} tree/s`), opt).toEqual(['tree/sub.d']);
      }
      expect(await tab('fusion-mdb --check --root tree/su')).toEqual(['tree/sub.d']);
    });

    it('the files after --check complete as files; without --check there are none', async () => {
      expect(await tab(`fusion-mdb --check ${tree}/a.sy`)).toEqual([`${tree}/a.system`]);
      expect(await tab('fusion-mdb --check tree/a.system tree/b')).toEqual(['tree/b.json']);
      expect(await tab('fusion-mdb --check --format gcc tree/a')).toEqual(['tree/a.system']);
      expect(await tab('fusion-mdb -k tree/a')).toEqual([]);
    });

    it('a name with a space stays one name', async () => {
      expect(await tab('fusion-mdb --check tree/my')).toEqual(['tree/my system']);
    });
  });

  it('completes the subcommand and its shells', async () => {
    expect(await tab('fusion-mdb comp')).toEqual(['completion']);
    expect(await tab('fusion-mdb completion ')).toEqual(['bash', 'zsh']);
  });
});

describe('zsh completion', () => {
  it('is an _arguments spec with every option, the choices and the dcmds', async () => {
    const text = await script('zsh');
    expect(text.split('\n')[0]).toBe('#compdef fusion-mdb');
    expect(text).toContain("  '--release[the kernel to model]:release:(s10 opensolaris illumos solaris11)' \\\n");
    expect(text).toContain("  '--etc-system[boot the model kernel with this /etc/system file]:file:_files' \\\n");
    expect(text).toContain("  '--truss[import a truss trace as the workload and replay it against the model]:file:_files' \\\n");
    expect(text).toContain("  '--root[boot from DIR/etc/system.d and DIR/etc/system, as bootadm -R DIR does]:dir:_files -/' \\\n");
    expect(text).toContain('\\:\\:persist \\:\\:print');
    expect(text).toContain("  '(-h --help)'{-h,--help}'[print this help and exit]' \\\n");
  });

  it.skipIf(spawnSync('zsh', ['--version']).error !== undefined)('parses in zsh', async () => {
    const file = join(dir, '_fusion-mdb');
    writeFileSync(file, await script('zsh'));
    expect(spawnSync('zsh', ['-n', file], { encoding: 'utf8' }).status).toBe(0);
  });
});

describe('fusion-mdb completion with no or another shell', () => {
  it('says how to call it, exit 2', async () => {
    for (const argv of [['completion'], ['completion', 'fish'], ['completion', 'bash', 'x']]) {
      expect(await run(argv)).toEqual({ stdout: '', stderr: 'fusion-mdb: usage: fusion-mdb completion bash|zsh\n', code: 2 });
    }
  });
});
