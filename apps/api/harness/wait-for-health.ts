import { ChildProcess } from 'node:child_process';

/** Polls `url` until it answers 200, failing early (with the output) when the child exits. */
export async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<Response> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The app exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(url);
      if (response.status === 200) return response;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`No healthy answer from ${url} within 90 s:\n${output()}`);
}
