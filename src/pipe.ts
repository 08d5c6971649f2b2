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
  // Text after the last newline, kept as the chunks it came in: a long line is
  // joined once when its end arrives, not copied again with every chunk.
  let partial: string[] = [];
  let lineNo = 0;
  let endsInCR = false; // the last chunk ended in "\r": a "\n" opening the next is the same line end
  const result: PipeResult = { quit: false, failed: false, commands: 0 };
  const runLines = async (text: string, final: boolean): Promise<void> => {
    let nl: number;
    let start = 0;
    while ((nl = text.indexOf('\n', start)) >= 0 || (final && start < text.length)) {
      const end = nl >= 0 ? nl : text.length;
      const line = text.slice(start, end);
      start = end + 1;
      lineNo++;
      if (line.trim() !== '') result.commands++;
      const r = await session.runLine(line, lineNo);
      if (r.failed) result.failed = true;
      if (r.quit) { result.quit = true; break; }
    }
    partial = start >= text.length ? [] : [text.slice(start)];
  };
  const add = async (text: string, final: boolean): Promise<void> => {
    const t = endsInCR && text.startsWith('\n') ? text.slice(1) : text;
    if (text !== '') endsInCR = t.endsWith('\r');
    const lf = t.includes('\r') ? t.replace(/\r\n?/g, '\n') : t;
    if (!final && !lf.includes('\n')) {
      if (lf !== '') partial.push(lf);
      return;
    }
    partial.push(lf);
    await runLines(partial.join(''), final);
  };
  for await (const chunk of io.input?.() ?? io.stdin) {
    await add(typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }), false);
    session.out.flush();
    // Bytes written through io.writeOut are written when it returns: only a stream has a queue to wait on.
    if (io.writeOut === undefined && io.stdout.writableNeedDrain) await new Promise((resolve) => io.stdout.once('drain', resolve));
    if (result.quit) return result;
  }
  await add(decoder.decode(), true);
  session.out.flush();
  return result;
}
