import 'reflect-metadata';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createApp } from './app/create-app';
import { openApiDocumentOf } from './app/openapi-document';
import {
  checkDatabaseCommandArgs,
  COMMANDS_BESIDE_THE_APP,
  DATABASE_COMMANDS,
  DatabaseCommand,
  runDatabaseCommand,
} from './app/database-commands';
import { AppConfig, ConfigValidationError, loadConfig } from './config/app-config';
import { CommandRefusal } from './database/backup/command-refusal';
import { openDatabaseServer, reachDatabaseServer } from './database/database-server';
import { HttpDrain } from './common/http/http-drain';

/** Prints the OpenAPI document (JSON) without starting a database. */
const OPENAPI_EXPORT_COMMAND = 'openapi:export';

const say = (line: string) => process.stdout.write(`[ledgerlens] ${line}\n`);

function readConfig(): AppConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

function webDistDir(config: AppConfig): string | undefined {
  const dir = config.WEB_DIST_DIR ?? join(__dirname, '..', 'web');
  return existsSync(join(dir, 'index.html')) ? dir : undefined;
}

async function main(): Promise<void> {
  const config = readConfig();
  const command = process.argv[2];
  if (command === OPENAPI_EXPORT_COMMAND) {
    process.stdout.write(`${JSON.stringify(await openApiDocumentOf(config), null, 2)}\n`);
    return;
  }
  if (command && !DATABASE_COMMANDS.includes(command as DatabaseCommand)) {
    const commands = [...DATABASE_COMMANDS, OPENAPI_EXPORT_COMMAND].join(', ');
    throw new Error(`Unknown command '${command}'. Commands: ${commands}`);
  }
  if (command) checkDatabaseCommandArgs(command as DatabaseCommand, process.argv.slice(3));
  const besideTheApp = COMMANDS_BESIDE_THE_APP.includes(command as DatabaseCommand);
  const database = await (besideTheApp ? reachDatabaseServer : openDatabaseServer)(config, say);
  if (command) {
    try {
      await runDatabaseCommand(
        command as DatabaseCommand,
        database.url,
        say,
        process.argv.slice(3),
      );
    } finally {
      await database.stop();
    }
    return;
  }

  const web = webDistDir(config);
  const app = await createApp({ config, databaseUrl: database.url, webDistDir: web });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: stopping`);
    // Order matters: no request may record anything once the queues are drained (app.close runs
    // the drains, then closes the database pool), so the HTTP server stops taking work first.
    await app.get(HttpDrain).drain(config.SHUTDOWN_TIMEOUT_MS);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  await app.listen(config.PORT, config.HOST);
  const url = `http://localhost:${config.PORT}`;
  say(
    `API on ${url}/api/v1 — OpenAPI docs on ${url}/api/docs${web ? ` — web app on ${url}/` : ' (web app not built)'}`,
  );
}

main().catch((error: unknown) => {
  // A refusal (e.g. a restore into a database that is not empty) says what to do: no stack.
  const text =
    error instanceof CommandRefusal
      ? `[ledgerlens] ${error.message}`
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`${text}\n`);
  process.exit(1);
});
