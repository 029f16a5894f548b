// Reads the configuration, builds the app, listens, and shuts down cleanly on SIGTERM/SIGINT:
// stop accepting, finish in-flight votes, checkpoint, exit.
import { buildApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { announceHall } from './hall-address.js';
import { silenceDependencyDebugging } from './logger.js';
import { closeOnSignals } from './shutdown.js';

async function main(): Promise<void> {
  const silenced = silenceDependencyDebugging();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const app = await buildApp(config);
  if (silenced) app.log.warn({ namespaces: silenced }, 'DEBUG is ignored: it would print access codes and votes; use LOG_LEVEL');
  closeOnSignals(app);
  await app.listen({ port: config.PORT, host: config.HOST });
  await announceHall(config, app.server.address());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
