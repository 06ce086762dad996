/**
 * npm run bench:places — what the town index costs a fresh thread (a proof worker, a new process) and
 * what a configuration version with other postcode overrides costs once it is built. Each run is a new
 * worker thread (its own module cache, as a proof worker): it loads src/places/places, reads a first
 * sentence (the index is built then), then the same sentence with two other sets of overrides.
 *
 *   BENCH_RUNS=7                       runs (median printed), 7 by default
 *   BENCH_BEFORE=<clone, built>        also runs that clone's dist/src/places/places.js, alternately
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { printAims, type Aim } from './aims';

interface Timings {
  /** Loading the module (départements). */
  load: number;
  /** The first sentence read: the town index built (communes read, names indexed). */
  first: number;
  /** The same sentence with other overrides (a new configuration version), twice: the mean. */
  otherOverrides: number;
}

const SENTENCE = "j'habite à Saint-Nazaire";
const OTHER_OVERRIDES = [
  { '97133': '971', '97150': '971', '44000': '85' },
  { '97133': '972', '05110': '05' },
];

/** Runs in the worker: a fresh module cache, as a proof worker's. */
const MEASURE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
let t = performance.now();
const { createPlaces } = require(workerData.places);
const load = performance.now() - t;
t = performance.now();
const first = createPlaces().departementsNamedIn(workerData.sentence);
const firstTime = performance.now() - t;
let other = 0;
for (const postcodeOverrides of workerData.overrides) {
  t = performance.now();
  const again = createPlaces({ postcodeOverrides }).departementsNamedIn(workerData.sentence);
  other += performance.now() - t;
  if (again.join() !== first.join()) throw new Error('another answer with other overrides: ' + again + ' / ' + first);
}
parentPort.postMessage({ load, first: firstTime, otherOverrides: other / workerData.overrides.length });
`;

function measure(places: string): Promise<Timings> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(MEASURE, { eval: true, workerData: { places, sentence: SENTENCE, overrides: OTHER_OVERRIDES } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};
const ms = (value: number): string => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(0)} ms`);

async function main(): Promise<void> {
  const runs = Number(process.env['BENCH_RUNS'] ?? 7);
  const sides: Array<{ name: string; places: string }> = [{ name: 'this', places: join(__dirname, '..', 'src', 'places', 'places.js') }];
  const before = process.env['BENCH_BEFORE'];
  if (before !== undefined) sides.unshift({ name: 'before', places: join(before, 'dist', 'src', 'places', 'places.js') });
  const timings = new Map<string, Timings[]>(sides.map(({ name }) => [name, []]));
  // Alternately, so that the machine's load weighs on both sides alike.
  for (let run = 0; run < runs; run++) for (const { name, places } of sides) timings.get(name)?.push(await measure(places));
  console.log(`Town index, ${runs} fresh worker threads per side (median; « ${SENTENCE} »):`);
  const medians = new Map<string, Timings>();
  for (const [name, list] of timings) {
    const m = { load: median(list.map((t) => t.load)), first: median(list.map((t) => t.first)), otherOverrides: median(list.map((t) => t.otherOverrides)) };
    medians.set(name, m);
    console.log(`  ${name.padEnd(6)}  module ${ms(m.load)}; first sentence (index built) ${ms(m.first)}; a version with other overrides ${ms(m.otherOverrides)}`);
  }
  const now = medians.get('this') as Timings;
  const ratio = now.otherOverrides / now.first;
  const aims: Aim[] = [{ name: 'places: a version with other overrides / the first build', value: `${(100 * ratio).toFixed(2)} %`, aim: '≤ 1 %', met: ratio <= 0.01 }];
  const was = medians.get('before');
  if (was !== undefined) {
    const cut = now.first / was.first;
    console.log(`  first sentence, this / before: ${cut.toFixed(2)}; other overrides, this / before: ${(now.otherOverrides / was.otherOverrides).toFixed(4)}`);
    aims.push({ name: 'places: first build, this / before', value: cut.toFixed(2), aim: '≤ 0.7', met: cut <= 0.7 });
  }
  printAims(`Aims (${new Date().toISOString().slice(0, 16)}Z)`, aims);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
