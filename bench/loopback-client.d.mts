// Types of loopback-client.mjs, for the tests that check it.

export interface LoopbackClient {
  get(path: string): Promise<void>;
  close(): void;
}
export function loopbackClient(base: string, headers: Record<string, string>): Promise<LoopbackClient>;
