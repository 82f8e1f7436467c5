import { Inject } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { periodStartOf } from './cron-periods';
import { ExclusiveJobs, JobOutcome } from './exclusive-jobs';

/** The instance property the job runner is injected into (declared by the decorator). */
const JOB_RUNNER = Symbol('ClusterCron.jobs');

interface WithJobRunner {
  [JOB_RUNNER]: ExclusiveJobs;
}

/**
 * A method @ClusterCron decorates, declared `(signal?: AbortSignal) => Promise<void>`: its body
 * is the job's work, given the signal that aborts when the application shuts down. Once
 * decorated, a call resolves with the run's JobOutcome instead (which tests may read).
 */
type ClusterJobMethod = (signal?: AbortSignal) => Promise<void | JobOutcome>;

/**
 * A cron job that runs once across instances: schedules the method on `cronTime` (server time)
 * as the job `name`, and makes every call of it run its body through ExclusiveJobs as that job,
 * whether the schedule calls it or anything else does. The schedule's ticks (through a method
 * `<name>OnSchedule` it adds) also claim their period, so a period runs once however late an
 * instance ticks; a direct call (a test, an admin's "run now") is not tied to a period. A call therefore resolves with the
 * JobOutcome (`busy` while another instance runs the job) and never rejects; runs are logged
 * and failures reported as ExclusiveJobs does; the body gets the runner's shutdown signal (a
 * caller's argument is not passed on).
 *
 * The schedule starts only when the schedule module is loaded (JOBS_ENABLED). The runner is
 * injected into the instance, so the class's module imports JobsModule.
 */
export function ClusterCron(cronTime: string, name: string) {
  return (target: object, key: string | symbol, descriptor: { value?: ClusterJobMethod }): void => {
    const work = descriptor.value;
    if (!work) throw new Error(`@ClusterCron('${name}') decorates a method`);
    Inject(ExclusiveJobs)(target, JOB_RUNNER);
    descriptor.value = function runOnce(this: WithJobRunner): Promise<JobOutcome> {
      return this[JOB_RUNNER].run(name, (signal) => work.call(this, signal));
    };
    // The schedule calls a method of its own, which claims the tick's period before running.
    const tick = {
      value: function runPeriod(this: WithJobRunner): Promise<JobOutcome> {
        const period = periodStartOf(cronTime, new Date());
        return this[JOB_RUNNER].run(name, (signal) => work.call(this, signal), period);
      },
      writable: true,
      configurable: true,
    };
    Cron(cronTime, { name })(target, `${String(key)}OnSchedule`, tick);
    Object.defineProperty(target, `${String(key)}OnSchedule`, tick);
  };
}
