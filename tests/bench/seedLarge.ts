/**
 * `npm run seed:large`: makes (or finds) the cached ten-year database and prints what is in it.
 *
 *   npm run seed:large                 # scale 1 (≈ 500,000 calls …) into node_modules/.cache/desk-bench/
 *   npm run seed:large -- --scale 0.1  # a tenth
 *   npm run seed:large -- --force      # make it again even if cached
 */
import { cachedDataset, parseScale } from './generate';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const write = (s: string) => process.stdout.write(`${s}\n`);
  const dataset = await cachedDataset(parseScale(argv), { force: argv.includes('--force'), log: write });
  write(`${dataset.seconds === null ? 'Cached' : `Generated in ${dataset.seconds.toFixed(0)} s`}: ${dataset.file} (${(dataset.bytes / 2 ** 20).toFixed(0)} MiB)`);
  for (const [table, n] of Object.entries(dataset.counts)) write(`  ${table.padEnd(28)} ${n.toLocaleString('en')}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
