import type { IO } from './io';
import type { Session } from './mdb/session';

// Piped input: commands run in order as the bytes arrive, no prompt, and an
// error in one command does not stop the rest (mdb_main.c). A line ends at
// "\n", "\r\n" or a lone "\r", as in the /etc/system reader.

export interface PipeResult {
  quit: boolean;
  failed: boolean;
  /** Count of non-blank lines seen. */
  commands: number;
}

/** Reads stdin to the end (or `$q`), running each line; output is flushed per chunk. */
export async function runPipe(session: Session, io: IO): Promise<PipeResult> {
  const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  let pending = '';
  let scanned = 0; // bytes of `pending` already known to hold no newline
  let lineNo = 0;
  let endsInCR = false; // the last chunk ended in "\r": a "\n" opening the next is the same line end
  const result: PipeResult = { quit: false, failed: false, commands: 0 };
  const runLines = async (final: boolean): Promise<void> => {
    let nl: number;
    let start = 0;
    while ((nl = pending.indexOf('\n', Math.max(start, scanned))) >= 0 || (final && start < pending.length)) {
      const end = nl >= 0 ? nl : pending.length;
      const line = pending.slice(start, end);
      start = end + 1;
      lineNo++;
      if (line.trim() !== '') result.commands++;
      const r = await session.runLine(line, lineNo);
      if (r.failed) result.failed = true;
      if (r.quit) { result.quit = true; break; }
    }
    pending = start >= pending.length ? '' : pending.slice(start);
    scanned = pending.length;
  };
  const add = (text: string): void => {
    if (text === '') return;
    const t = endsInCR && text.startsWith('\n') ? text.slice(1) : text;
    endsInCR = t.endsWith('\r');
    pending += t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
  };
  for await (const chunk of io.stdin) {
    add(typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    await runLines(false);
    session.out.flush();
    if (io.stdout.writableNeedDrain) await new Promise((resolve) => io.stdout.once('drain', resolve));
    if (result.quit) return result;
  }
  add(decoder.decode());
  await runLines(true);
  session.out.flush();
  return result;
}
