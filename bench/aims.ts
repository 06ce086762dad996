/** The aims of the benchmarks (issue 13): each bench returns its own; `npm run bench` prints them all. */
export interface Aim {
  /** What is measured, e.g. "voice: throughput per server core, app / bare". */
  name: string;
  /** The figure measured, as printed. */
  value: string;
  /** The aim, as printed, e.g. "≥ 25 %". */
  aim: string;
  met: boolean;
}

export function aimLine(aim: Aim): string {
  return `    aim: ${aim.name} ${aim.aim} — ${aim.met ? 'MET' : 'MISSED'} (${aim.value})`;
}

export function printAims(title: string, aims: readonly Aim[]): void {
  console.log('');
  console.log(title);
  const width = Math.max(...aims.map((aim) => aim.name.length));
  for (const aim of aims) console.log(`    ${aim.met ? 'met   ' : 'MISSED'}  ${aim.name.padEnd(width)}  ${aim.value.padStart(12)}  (aim ${aim.aim})`);
}
