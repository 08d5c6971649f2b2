import { describe, expect, it } from 'vitest';
import { pipe } from '../helpers/io';

// mdb prints `1,ffffffffffff=X` until interrupted; fusion-mdb stops one command
// at 4 MiB of output and says so, and the next command runs.

describe('output limit', () => {
  it('stops a runaway count with a note, then goes on', async () => {
    const r = await pipe(['1,ffffffffffff=X', '41=99999999999999r', 'do_tcp_fusion/D']);
    expect(r.stderr).toBe("note: output stopped after 4194304 characters (fusion-mdb's limit for one command; mdb prints on until interrupted)\n");
    expect(r.stdout.endsWith('do_tcp_fusion:\ndo_tcp_fusion:  1               \n')).toBe(true);
    expect(r.stdout.length).toBeLessThan(4200000);
  });
});
