// Entry point of the sales-kpi command: wires the terminal to runCli and never shows a stack trace.
import { monthOf, type Lang } from '../core/templates/options';
import { messageLang } from './args';
import { EXIT, runCli } from './main';
import { cliText } from './messages';

/** Finnish when the terminal's locale is Finnish (LC_ALL, LC_MESSAGES, LANG), else English. */
function terminalLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('fi') ? 'fi' : 'en';
}

const argv = process.argv.slice(2);
const lang = messageLang(argv, terminalLang(process.env));

// A reader that stops early (`sales-kpi list | head`) closes the pipe: that ends the output
// quietly. Any other failure to write (a full disk, `> /dev/full`) is one line, not a stack trace;
// when stderr itself fails there is nowhere left to say it.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  process.stderr.write(`sales-kpi: ${cliText(lang, 'outputFailed', { reason: error.message })}\n`);
  process.exit(EXIT.failed);
});
process.stderr.on('error', (error: NodeJS.ErrnoException) => {
  process.exit(error.code === 'EPIPE' ? (process.exitCode ?? EXIT.ok) : EXIT.failed);
});

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
};

try {
  process.exitCode = await runCli(argv, io, {
    lang: terminalLang(process.env),
    month: monthOf(new Date()),
  });
} catch (error) {
  // runCli returns its failures as exit codes; anything reaching here is a bug, still shown plainly.
  io.err(`sales-kpi: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = EXIT.failed;
}
