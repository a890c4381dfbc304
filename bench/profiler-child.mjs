// In a benchmark target: CPU-profiles the process between the messages `profile-start` and `profile-stop` (which answers the profile).
import { Session } from 'node:inspector/promises';

/** Lets the parent profile exactly its load window: the target's start-up (compiling, seeding) stays out. */
export function answerProfileRequests(send) {
  const session = new Session();
  session.connect();
  process.on('message', async (message) => {
    if (message === 'profile-start') {
      await session.post('Profiler.enable');
      // 100 µs: a two-second load gives some 20,000 samples, enough for shares of a few per cent.
      await session.post('Profiler.setSamplingInterval', { interval: 100 });
      await session.post('Profiler.start');
      send({ profiling: true });
    } else if (message === 'profile-stop') {
      const { profile } = await session.post('Profiler.stop');
      send({ profile });
    }
  });
}
