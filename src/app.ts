// buildApp(config): wires plugins and domains into a Fastify instance. No logic here, and it never listens.
import { SessionRows } from './accounts/session-rows.js';
import { CodeHolders } from './roster/code-holders.js';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Server } from 'socket.io';
import { AttemptLimiter } from './access/attempt-limiter.js';
import { pooledRandomBytes } from './access/codes.js';
import { RightsLedger } from './access/rights-ledger.js';
import { accessRoutes } from './access/routes.js';
import { accountRoutes } from './accounts/routes.js';
import { ensureInitialSecretary } from './accounts/service.js';
import { archiveRoutes } from './archive/routes.js';
import { auditRoutes } from './audit/routes.js';
import { ballotRoutes } from './ballots/routes.js';
import { paperRoutes } from './ballots/paper-routes.js';
import { scrubPendingBallots } from './ballots/scrub.js';
import { restoreOpenBallots } from './ballots/service.js';
import { VoteQueue } from './ballots/vote-queue.js';
import { VoteRepository } from './ballots/vote-repository.js';
import type { Config } from './config.js';
import type { AppContext } from './context.js';
import { openDatabase } from './db/connection.js';
import { WalSync } from './db/wal-sync.js';
import { departmentRoutes } from './departments/routes.js';
import { documentRoutes } from './documents/routes.js';
import { DomainEvents } from './events.js';
import { loggerOptions } from './logger.js';
import { AttendanceRows } from './meetings/attendance-rows.js';
import { HallFigures } from './meetings/hall-figures.js';
import { AgendaRows } from './agenda/live.js';
import { agendaRoutes } from './agenda/routes.js';
import { BallotViews } from './ballots/ballot-views.js';
import { MeetingRows } from './meetings/meeting-rows.js';
import { meetingRoutes } from './meetings/routes.js';
import { sessionRoutes } from './sessions/routes.js';
import { aftermathRoutes } from './aftermath/routes.js';
import { scriptRoutes } from './script/routes.js';
import { credentialsRoutes } from './credentials/routes.js';
import { extraordinaryRoutes } from './extraordinary/routes.js';
import { presidiumRoutes } from './presidium/routes.js';
import { jointRoutes } from './joint/routes.js';
import { resolutionRoutes } from './resolutions/routes.js';
import { JointRolls } from './joint/rolls.js';
import { motionRoutes } from './motions/routes.js';
import { registerAuth } from './plugins/auth.js';
import { frameworkErrors, registerErrorHandling } from './plugins/errors.js';
import { registerOpenApi } from './plugins/openapi.js';
import { attachRealtime } from './plugins/realtime.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerWeb } from './plugins/web.js';
import { rosterRoutes } from './roster/routes.js';
import { registerStorageGuard } from './storage/guard.js';
import { storageRoutes } from './storage/routes.js';
import { type SpaceProbe, StorageSpace, statfsProbe } from './storage/space.js';
import { loadSecretKey } from './secret-key.js';
import type { PaperTasks } from './workers/paper-work.js';
import { type HeavyWorkOptions, HeavyWorkPool, PAPER_WORK_DEFAULTS } from './workers/pool.js';
import { systemTimers, type Timers } from './timers.js';

declare module 'fastify' {
  interface FastifyInstance {
    yishi: AppContext;
    io: Server;
  }
}

export interface BuildOptions {
  clock?: () => Date;
  /** Timers that go with the clock (tests pass a hand-moved pair instead of sleeping). */
  timers?: Timers;
  random?: (size: number) => Buffer;
  /** Where log lines go (tests capture them to prove no secret is ever logged). */
  logStream?: NodeJS.WritableStream;
  /** Limits of the heavy-work pool (tests shorten the timeout or run a worker of their own). */
  heavyWork?: Partial<HeavyWorkOptions>;
  /** Limits of the PDF pool (tests shorten the timeout or run a worker of their own). */
  paperWork?: Partial<HeavyWorkOptions>;
  /** Free space of the database's file system (tests fake it); read fresh on every write when given. */
  storageProbe?: SpaceProbe;
}

/** How often a pending scrub is tried again, besides at every close and at start. */
const SCRUB_RETRY_MS = 30_000;

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 256 * 1024,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  const connection = await openDatabase(config.DATABASE_PATH);
  // Every write that changes someone's rights is reported by the database itself, for open sockets.
  const rights = new RightsLedger();
  rights.attach(connection.sqlite);
  const events = new DomainEvents();
  const clock = options.clock ?? (() => new Date());
  const random = options.random ?? pooledRandomBytes();
  const walSync = new WalSync(config.DATABASE_PATH);
  const votes = new VoteQueue(
    new VoteRepository(connection.sqlite),
    events,
    random,
    (error) => app.log.error({ err: error }, 'vote batch failed'),
    config.VOTE_BATCH_MAX,
    () => walSync.sync(),
  );
  const context: AppContext = {
    config,
    db: connection.db,
    sqlite: connection.sqlite,
    secretKey: loadSecretKey(config),
    clock,
    timers: options.timers ?? systemTimers,
    random,
    events,
    logger: app.log,
    votes,
    codeAttempts: new AttemptLimiter(config.CODE_ATTEMPT_LIMIT, config.CODE_ATTEMPT_WINDOW_SECONDS * 1000, () => clock().getTime()),
    deadlines: new Map(),
    heavyWork: new HeavyWorkPool(options.heavyWork, (error) => app.log.warn({ err: error }, 'heavy-work worker failed outside a task; it is replaced')),
    paperWork: new HeavyWorkPool<PaperTasks>(options.paperWork, (error) => app.log.warn({ err: error }, 'PDF worker failed outside a task; it is replaced'), PAPER_WORK_DEFAULTS),
    storage: options.storageProbe ? new StorageSpace(config, options.storageProbe, 0) : new StorageSpace(config, statfsProbe(config.DATABASE_PATH)),
    figures: new HallFigures(connection.watch),
    attendanceRows: new AttendanceRows(connection.watch),
    ballotViews: new BallotViews(connection.watch),
    meetingRows: new MeetingRows(connection.watch),
    agendaRows: new AgendaRows(connection.watch),
    jointRolls: new JointRolls(connection.watch),
    codeHolders: new CodeHolders(connection.watch),
    sessionRows: new SessionRows(connection.watch),
  };
  app.decorate('yishi', context);

  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  if (config.RATE_LIMIT_PER_MINUTE > 0) {
    // Per address; a hall behind one NAT address needs a higher figure (RATE_LIMIT_PER_MINUTE).
    await app.register(fastifyRateLimit, { max: config.RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' });
  }
  await app.register(fastifyMultipart, { limits: { fileSize: 5 * 1024 * 1024, files: 1, fields: 5 } });
  await registerOpenApi(app, { rateLimited: config.RATE_LIMIT_PER_MINUTE > 0 });

  registerAuth(app, context);
  registerStorageGuard(app, context.storage);
  // Each domain's routes are an encapsulated plugin given only what they use (README, "Layout").
  await app.register(accountRoutes, { context });
  await app.register(rosterRoutes, { context });
  await app.register(accessRoutes, { context, codeAttempts: context.codeAttempts });
  await app.register(sessionRoutes, { context });
  await app.register(aftermathRoutes, { context });
  await app.register(credentialsRoutes, { context });
  await app.register(extraordinaryRoutes, { context });
  await app.register(agendaRoutes, { context });
  await app.register(presidiumRoutes, { context });
  await app.register(meetingRoutes, { context });
  await app.register(scriptRoutes, { context });
  await app.register(ballotRoutes, { context });
  await app.register(paperRoutes, { context });
  await app.register(auditRoutes, { context });
  await app.register(departmentRoutes, { context });
  await app.register(motionRoutes, { context });
  await app.register(documentRoutes, { context });
  await app.register(storageRoutes, { context });
  await app.register(jointRoutes, { context });
  await app.register(resolutionRoutes, { context });
  await app.register(archiveRoutes, { context });
  await registerWeb(app);
  app.decorate('io', attachRealtime(app, context, rights));

  await ensureInitialSecretary(context);
  await scrubPendingBallots(context);
  await restoreOpenBallots(context);
  // A scrub that failed (a reader holding the WAL, a full disk) is owed: try again until it is paid.
  const scrubRetry = setInterval(() => void scrubPendingBallots(context), SCRUB_RETRY_MS);
  scrubRetry.unref();
  app.addHook('onClose', async () => {
    clearInterval(scrubRetry);
    votes.drain();
    await Promise.all([context.heavyWork.close(), context.paperWork.close()]);
    for (const cancel of context.deadlines.values()) cancel();
    if (config.DATABASE_PATH !== ':memory:') connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await connection.close();
    walSync.close();
  });
  return app;
}
