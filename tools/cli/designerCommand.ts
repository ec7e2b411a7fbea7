/** `intercom-component designer`: serves the designer page (tools/designer) until Ctrl-C. */
import { startDesigner } from '../designer/server';
import type { CliArgs } from './args';
import { connect } from './connection';
import type { Printer } from './output';
import { untilStopped } from './sandboxCommand';

export const DEFAULT_DESIGNER_PORT = 4020;

export async function serveDesigner(args: CliArgs, out: Printer): Promise<number> {
  const notes: string[] = [];
  const connection = await connect(args, (line) => {
    notes.push(line.replace(/^sandbox: /, ''));
    out.note(line);
  });
  try {
    const port = args.listen ?? DEFAULT_DESIGNER_PORT;
    let designer;
    try {
      designer = await startDesigner({
        port,
        connection: connection.cfg,
        target: notes.join(' ') || `your Intercom workspace${typeof connection.cfg['baseUrl'] === 'string' ? ` at ${connection.cfg['baseUrl']}` : ''}`,
        sandbox: notes.length > 0,
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EADDRINUSE') throw new Error(`port ${port} is already in use; choose another with --listen N (0 picks a free one)`, { cause: error });
      throw error;
    }
    process.stdout.write(`Intercom component designer: open ${designer.pageUrl}\n  (the address holds a token that is new on every start; Ctrl-C stops it)\n`);
    const signal = await untilStopped();
    await designer.close();
    out.note(`designer: stopped (${signal})`);
    return 0;
  } finally {
    await connection.close();
  }
}
