/** Daily jobs leased in the database (ADR 0015): what the server, the CLI and modules use. */

export { instanceIdOf, type JobScheduleOptions, startJobSchedule } from './job-schedule.js';
export {
  type DailyJob,
  DEFAULT_LEASE_MINUTES,
  type JobOutcome,
  runDueJobs,
  type RunDueJobsOptions,
} from './run-due-jobs.js';
