// A separate `capex-report send` (or `deliveries`) process for the crash, concurrency and secrecy
// tests: runs the compiled dist/cli/send.js glue as the commander program will, and prints a
// failure as src/cli/main.ts does (message, causes, exit code). argv[2]: the command's options as
// JSON; argv[3]: 'send' (default) or 'deliveries'. The config comes from the working folder and
// the environment.
const dist = (p) => new URL(`../../dist/${p}`, import.meta.url).href;
const { msg } = await import(dist('messages/index.js'));
const { describeError, InvalidInputError } = await import(dist('errors.js'));

const options = JSON.parse(process.argv[2] ?? '{}');
const command = process.argv[3] ?? 'send';
try {
  if (command === 'deliveries')
    await (await import(dist('cli/deliveries.js'))).runDeliveries(options);
  else await (await import(dist('cli/send.js'))).runSend(options);
} catch (error) {
  const [first, ...causes] = describeError(error);
  process.stderr.write(`${msg.cli.failed(first ?? '')}\n`);
  if (!(error instanceof InvalidInputError)) {
    for (const cause of causes) process.stderr.write(`${msg.cli.causedBy(cause)}\n`);
  }
  process.exitCode = typeof error?.exitCode === 'number' ? error.exitCode : 4;
}
