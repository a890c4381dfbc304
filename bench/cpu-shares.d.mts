// Types of cpu-shares.mjs, for the tests that check it.

/** A V8 CPU profile, as --cpu-prof writes it and the inspector's Profiler.stop answers it. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface CpuShares {
  busyMs: number;
  layers: Record<string, number>;
  generated: number;
  top: { name: string; share: number }[];
}

export function topTimes(
  profile: CpuProfile,
  window?: number,
  count?: number,
): { self: [string, number][]; inclusive: [string, number][] };
export function layerOf(url: string, functionName: string, generatedRoot?: string): string;
export function cpuShares(profile: CpuProfile, generatedRoot?: string, count?: number): CpuShares;
