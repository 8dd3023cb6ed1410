/** A V8 CPU profile (what `node --cpu-prof` writes and the inspector's Profiler.stop returns). */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  totalMs: number;
  busyMs: number;
  /** Self time by function, largest first. */
  functions: Array<{ name: string; where: string; ms: number; share: number }>;
  /** Self time by package (node_modules/<pkg>), our code (api/src), node internals, GC, idle. */
  packages: Array<{ name: string; ms: number; share: number }>;
}

function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  if (url.includes('/api/src/') || url.includes('/api/dist/')) return 'api/src (ours)';
  if (url.includes('/test/bench/')) return 'test/bench';
  return url;
}

function shortWhere(url: string, line: number): string {
  const modules = url.lastIndexOf('node_modules/');
  const trimmed = modules >= 0 ? url.slice(modules + 'node_modules/'.length) : url.replace(/^file:\/\/.*?\/(api|test|migrations)\//, '$1/');
  return trimmed ? `${trimmed}:${line + 1}` : '';
}

/** Self time per function and per package; the sample interval is taken from the profile itself. */
export function summariseProfile(profile: CpuProfile, top = 15): ProfileSummary {
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const selfMs = new Map<number, number>();
  if (profile.samples && profile.timeDeltas) {
    // timeDeltas[i] is the time before sample i: attribute it to the sample's node.
    for (let i = 0; i < profile.samples.length; i++) {
      const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      selfMs.set(profile.samples[i], (selfMs.get(profile.samples[i]) ?? 0) + delta);
    }
  } else {
    const hits = profile.nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) || 1;
    for (const node of profile.nodes) selfMs.set(node.id, ((node.hitCount ?? 0) / hits) * totalMs);
  }
  const byFunction = new Map<string, { name: string; where: string; ms: number }>();
  const byPackage = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = selfMs.get(node.id) ?? 0;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName}|${url}|${lineNumber}`;
    const entry = byFunction.get(key) ?? { name: functionName || '(anonymous)', where: shortWhere(url, lineNumber), ms: 0 };
    entry.ms += ms;
    byFunction.set(key, entry);
    const pkg = packageOf(url, functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
  }
  // Shares of the time the process was busy: idle time (waiting on PostgreSQL, on the client) left out.
  const busyMs = totalMs - (byPackage.get('(idle)') ?? 0);
  const share = (ms: number) => ms / (busyMs || 1);
  return {
    totalMs,
    busyMs,
    functions: [...byFunction.values()]
      .filter((entry) => entry.name !== '(idle)')
      .sort((a, b) => b.ms - a.ms)
      .slice(0, top)
      .map((entry) => ({ ...entry, share: share(entry.ms) })),
    packages: [...byPackage.entries()]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms, share: share(ms) })),
  };
}
