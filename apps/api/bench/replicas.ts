// npm run bench:replicas [-- --annotators 300 --seconds 20 --warmup 5 --replicas 3]
// The replica test's set-up without kills (test/faults/replicas.test.ts): API replicas
// behind the test kit's reverse proxy, two workers and the model server stand-in against one
// database and Redis. The same simulated annotators (lease -> judge, resending an answer
// without a 201 under the same key) run through the proxy for a fixed time with 1, then 2,
// then 3 API replicas, in the same run on the same database; judgments/s per phase, its
// ratio to 1 replica and the load average are printed. The workers stay idle, so the ratios
// are the API replicas' alone. On a machine with fewer cores than replicas this measures
// the overhead of more processes, not a speed-up.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import { runAnnotators } from "../test/faults/support/annotators";
import { startReplicaStack } from "../test/faults/support/replica-stack";

const { values } = parseArgs({
  options: {
    annotators: { type: "string", default: "300" },
    seconds: { type: "string", default: "20" },
    warmup: { type: "string", default: "5" },
    replicas: { type: "string", default: "3" },
  },
});
const ANNOTATORS = Number(values.annotators);
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const REPLICAS = Number(values.replicas);
const sleep = (s: number) => new Promise((r) => setTimeout(r, s * 1000));

// Three answers per item and room to spare: nobody runs out in any phase.
const stack = await startReplicaStack({
  apis: 1,
  workers: 2,
  annotators: ANNOTATORS,
  items: Math.max(20_000, ANNOTATORS * 60),
});
type Phase = { replicas: number; perSecond: number; proxyFailures: number; load: number[] };
const phases: Phase[] = [];
let failed = false;
try {
  for (let replicas = 1; replicas <= REPLICAS; replicas++) {
    if (replicas > 1) await stack.addApi();
    const load = runAnnotators(stack.proxy.url, stack.projectId, stack.tokens, { retryGatewayErrors: true });
    await sleep(WARMUP);
    const before = { acks: load.acks.length, failures: stack.proxy.stats.failures.length };
    await sleep(SECONDS);
    const judged = load.acks.length - before.acks;
    const proxyFailures = stack.proxy.stats.failures.length - before.failures;
    const average = loadavg();
    await load.stop();
    if (load.failures.length > 0) {
      failed = true;
      console.error(`${replicas} replicas: ${load.failures.length} failures, first: ${load.failures[0]}`);
    }
    phases.push({
      replicas,
      perSecond: judged / SECONDS,
      proxyFailures,
      load: average,
    });
    console.log(`  ${replicas} API replica(s): ${(judged / SECONDS).toFixed(1)} judgments/s`);
  }
} finally {
  await stack.close();
}

const one = phases[0]!.perSecond;
console.log(
  `\nbench:replicas — ${ANNOTATORS} annotators through the proxy, ${SECONDS} s per phase after ${WARMUP} s of warm-up, 2 idle workers, ${cpus().length} cores`,
);
console.log("  API replicas  judgments/s  ratio to 1 replica  proxy 502/503  load average (1/5/15 min)");
for (const p of phases) {
  console.log(
    `  ${String(p.replicas).padEnd(12)}  ${p.perSecond.toFixed(1).padStart(11)}  ${(p.perSecond / one).toFixed(2).padStart(18)}  ${String(p.proxyFailures).padStart(13)}  ${p.load.map((l) => l.toFixed(2)).join(" / ")}`,
  );
}
const proxyFailures = new Set(stack.proxy.stats.failures.map((f) => f.replace(/ \/api\/v1\/\S+/, "")));
if (proxyFailures.size > 0) console.log(`  the proxy's failures: ${[...proxyFailures].join("; ")}`);
if (failed) process.exitCode = 1;
