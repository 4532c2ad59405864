// The `deploy-doctor` executable: runs the CLI on this process's arguments and streams, and turns a
// crash into a short message and exit code 2.
import { EXIT_CLEAN, EXIT_USAGE, run } from './run';
import { readStdinText } from './stdin';

function main(): void {
  // A reader that stops early (`| head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_CLEAN);
  });
  try {
    process.exitCode = run(
      process.argv.slice(2),
      { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text), stderrIsTty: process.stderr.isTTY === true, readStdin: readStdinText },
      process.cwd(),
      process.env,
      process.stdout.isTTY === true,
    );
  } catch (error) {
    // Not the user's fault: say so briefly. The message is left out because it may quote a file.
    const name = error instanceof Error ? error.name : typeof error;
    process.stderr.write(`deploy-doctor: internal error (${name}); please report it. Set DEPLOY_DOCTOR_DEBUG=1 for details.\n`);
    if (process.env['DEPLOY_DOCTOR_DEBUG'] && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT_USAGE;
  }
}

main();
