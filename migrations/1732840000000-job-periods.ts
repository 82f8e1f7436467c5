import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `job_periods`: the latest period each scheduled job was claimed for. An instance's tick claims
 * its period before running the job, so a tick that comes late — after another instance already
 * ran that period — finds it claimed and does not run it again (the advisory lock alone only
 * keeps two runs from overlapping). One row per job; internal to the instances, not user data.
 */
export class JobPeriods1732840000000 implements MigrationInterface {
  name = 'JobPeriods1732840000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "job_periods" (
        "job_name" text NOT NULL,
        "period_start" timestamptz NOT NULL,
        "claimed_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_job_periods" PRIMARY KEY ("job_name")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_periods"`);
  }
}
