import { describe, expect, it } from 'vitest';
import { DCMDS } from '../../src/mdb/dcmds/table';
import { synopsis } from '../../src/mdb/dcmds/types';
import { pipe } from '../helpers/io';

// ::help, ::dcmds and completion all come from the one dcmd table.

describe('help from the dcmd table', () => {
  // Written out, not made from the table: a row added, renamed or reworded shows here.
  it('::dcmds lists every row, sorted, as %-24s - %s', async () => {
    const r = await pipe(['::dcmds']);
    expect(r.stdout.split('\n')).toEqual([
      '$Q                       - quit debugger',
      '$W                       - reopen target in write mode',
      '$d                       - get/set default output radix',
      '$q                       - quit debugger',
      'advise                   - smallest tcp_fusion_rcv_unread_min, SO_SNDBUF, SO_RCVBUF without EAGAIN',
      'arc                      - print ARC variables',
      'connect                  - open a TCP connection that latches today\'s tunables',
      'dcmds                    - list available debugger commands',
      'etcsystem                - show or set the /etc/system of the next boot',
      'formats                  - list format specifiers',
      'fuse                     - show latched fusion limits of live connections',
      'help                     - list commands/command help',
      'import                   - read a truss or DTrace trace as the session workload',
      'memstat                  - print memory usage summary',
      'ndd                      - get or set a driver parameter, as ndd(1M) does',
      'netstat                  - list the connections made with ::connect',
      'nm                       - print symbols',
      'persist                  - keep mdb changes as /etc/system lines',
      'print                    - print the contents of a data structure',
      'quit                     - quit debugger',
      'reboot                   - reboot the model kernel from defaults plus /etc/system',
      'run                      - run the workload on fresh connections and report',
      'set                      - get/set debugger properties',
      'status                   - print summary of current target',
      'sweep                    - EAGAINs of the workload per value of a tunable',
      'system                   - print contents of /etc/system file',
      'trace                    - step one flow of the workload event by event',
      'tunables                 - list tunables: default, boot and live values',
      'walk                     - walk data structure',
      'wizard                   - build a workload by answering questions, run it, save it as JSON',
      '',
    ]);
  });

  for (const d of DCMDS) {
    it(`::help ${d.name} gives name, synopsis, description, options and an example`, async () => {
      const r = await pipe([`::help ${d.name}`]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`NAME\n  ${d.name} - ${d.description}\n`);
      expect(r.stdout).toContain(`SYNOPSIS\n  ${synopsis(d)}\n`);
      expect(r.stdout).toContain('DESCRIPTION\n');
      expect(r.stdout).toContain('EXAMPLE\n');
      for (const [flag] of d.options ?? []) expect(r.stdout).toContain(`  ${flag}`);
    });
  }

  it('::help with no argument explains the command form', async () => {
    const r = await pipe(['::help']);
    expect(r.stdout).toContain('[address] [,count] verb [arguments ...]');
  });

  it('::help of an unknown name uses mdb\'s words', async () => {
    expect((await pipe(['::help nosuch'])).stderr).toBe('mdb: unknown command: nosuch\n');
  });
});
