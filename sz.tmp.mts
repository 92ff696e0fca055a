import * as Y from 'yjs';
import { getText } from '/work/wt/t1/src/lib/domain/plan';
import { buildPlan } from '/work/wt/t1/src/lib/domain/factory';
import { checkUpdate } from '/work/wt/t1/server/sync/doc-guard';
const d = new Y.Doc();
const b = buildPlan(d, { fields: 10, goalsPerField: 10, measuresPerGoal: 20, principles: 5 });
const u = Y.encodeStateAsUpdate(d);
const c = new Y.Doc(); Y.applyUpdate(c, u);
const ups: Uint8Array[] = []; c.on('update', (x: Uint8Array) => ups.push(x));
for (let i = 0; i < 4000; i++) getText(c, b.measures[i % 2000], 'description')!.insert(i % 7, 'a');
for (let round = 0; round < 2; round++) {
  const e = new Y.Doc(); Y.applyUpdate(e, u);
  let t = performance.now();
  let check = 0;
  for (const x of ups) { const t0 = performance.now(); const v = checkUpdate(e, x, 'items'); check += performance.now() - t0; if (!v.ok) throw new Error(JSON.stringify(v)); Y.applyUpdate(e, x); }
  const total = performance.now() - t;
  console.log(`round ${round}: per update total ${(total / ups.length * 1000).toFixed(1)} µs, of which check ${(check / ups.length * 1000).toFixed(1)} µs`);
}
