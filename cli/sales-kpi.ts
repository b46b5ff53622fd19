// Entry point of the sales-kpi command: wires the terminal to runCli and never shows a stack trace.
import { monthOf, type Lang } from '../core/templates/options';
import { EXIT, runCli } from './main';

/** Finnish when the terminal's locale is Finnish (LC_ALL, LC_MESSAGES, LANG), else English. */
function terminalLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

// A reader that stops early (`sales-kpi list | head`) closes the pipe: that ends the output, not
// the program with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

try {
  process.exitCode = await runCli(process.argv.slice(2), io, {
    lang: terminalLang(process.env),
    month: monthOf(new Date()),
  });
} catch (error) {
  // runCli returns its failures as exit codes; anything reaching here is a bug, still shown plainly.
  io.err(`sales-kpi: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = EXIT.failed;
}
