import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import http, { type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, OperationTypeNode, type ValidationContext } from 'graphql';
import express, { type ErrorRequestHandler, type Express, type Request } from 'express';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { DatabaseHealth } from './database/health';
import type { RequestContext } from './shared/request-context';
import { createLoaders } from './loaders';
import { exportFactsCsv } from './stats/stats.csv';
import { registerFileRoutes } from './files/file-routes';
import { registerPortalRoutes } from './portal/portal-routes';
import type { SiteExecute } from './portal/site/site-graphql';
import { createSchema } from './schema';
import type { Services } from './services';
import type { Clock } from './shared/clock';
import { isTransientDatabaseError, RETRY_AFTER_SECONDS, ServiceUnavailableError } from './shared/database-errors';
import { createErrorFormatter } from './shared/errors-format';
import { NotFoundError } from './shared/errors';
import type { Logger } from './shared/logger';

/** Limits on what one GraphQL request may ask; each refusal is a 400 with a clear message. */
export const LIMITS = { depth: 10, aliases: 20, cost: 5_000, tokens: 5_000 } as const;

export interface HttpDependencies {
  config: Config;
  dataSource: DataSource;
  health: DatabaseHealth;
  services: Services;
  clock: Clock;
  logger: Logger;
  /** The secret the complaint site derives its signing key from (app.ts passes the pseudonym secret it resolved). */
  siteSecret: string;
}

export interface HttpApp {
  app: Express;
  /** Not listening yet: the caller chooses host and port. */
  server: Server;
  /** Stops taking requests, drains those under way. */
  stop(): Promise<void>;
}

/** graphql-armor throws by default, which Apollo answers with a 500; report a validation error (400) instead. */
const reportAsValidationError = {
  exposeLimits: true,
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'QUERY_TOO_COMPLEX' } })),
  ],
};

/** Who is calling; a database that cannot answer that is a retryable 503, never a 500 without a code. */
async function authenticate(services: Services, authorization: string | undefined) {
  try {
    return await services.auth.authenticate(authorization);
  } catch (error) {
    throw isTransientDatabaseError(error) ? new ServiceUnavailableError() : error;
  }
}

function graphqlError(status: number, code: string, message: string) {
  return { status, body: { errors: [{ message, extensions: { code } }] } };
}

/** A database that could serve nothing of a request is a 503 with Retry-After, whichever field ran into it. */
const serviceUnavailableStatus: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, operation }) {
        if (response.body.kind !== 'single') return;
        const unavailable = response.body.singleResult.errors?.find((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE');
        if (!unavailable) return;
        // Mutations run one after the other: when it was not the first that failed, the ones before it went
        // through, and "retry the request" would do them twice. Then it stays a 200 with the error on its field.
        const first = operation?.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
        const firstKey = first?.kind === Kind.FIELD ? (first.alias ?? first.name).value : undefined;
        if (operation?.operation === OperationTypeNode.MUTATION && unavailable.path && unavailable.path[0] !== firstKey) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(unavailable.extensions?.retryAfterSeconds ?? RETRY_AFTER_SECONDS));
      },
    };
  },
};

export async function createHttpApp({ config, dataSource, health, services, clock, logger, siteSecret }: HttpDependencies): Promise<HttpApp> {
  const schema = await createSchema();
  const app = express();
  const server = http.createServer(app);
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !config.isProduction,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: config.isProduction,
    allowBatchedHttpRequests: false,
    // Nobody sends automatic persisted queries; a per-process cache of them would not be shared anyway.
    persistedQueries: false,
    csrfPrevention: true,
    // main.ts owns the signals and stops Apollo as part of its own ordered shutdown.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(logger, { hideSuggestions: config.isProduction }),
    parseOptions: { maxTokens: LIMITS.tokens },
    validationRules: [
      maxDepthRule({ n: LIMITS.depth, ...reportAsValidationError }),
      maxAliasesRule({ n: LIMITS.aliases, ...reportAsValidationError }),
      costLimitRule({ maxCost: LIMITS.cost, ...reportAsValidationError }),
    ],
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // it hooked into every field's resolution for cache hints this graph never gives (4 % of a list's CPU);
      // no-store is set on every answer of /graphql below
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      serviceUnavailableStatus,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Only the listed proxies' X-Forwarded-For counts (rate limits and sign-in throttling key on req.ip).
  app.set('trust proxy', config.trustedProxies.length > 0 ? config.trustedProxies : false);

  app.get('/health', async (_request, response) => {
    const report = await health.check();
    response
      .status(report.database === 'up' ? 200 : 503)
      .set('Cache-Control', 'no-store')
      .json(report);
  });

  app.get('/bi/complaints.csv', (request, response, next) => {
    exportFactsCsv(request, response, services).catch(next);
  });

  // A letter's PDF, for whoever may see its complaint (the admin fetches it with the bearer token).
  app.get(/^\/letters\/([0-9a-f-]{36})\.pdf$/, (request, response, next) => {
    (async () => {
      const caller = await authenticate(services, request.headers.authorization).catch((error: unknown) => {
        if (error instanceof ServiceUnavailableError) return 'unavailable' as const;
        throw error;
      });
      if (caller === 'unavailable')
        return void response
          .status(503)
          .set('Retry-After', String(RETRY_AFTER_SECONDS))
          .json({ errors: [{ message: 'The database is busy or unreachable; try again shortly.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
      if (!caller) return void response.status(401).json({ errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] });
      const id = (request.params as unknown as string[])[0];
      try {
        const letter = await services.correspondence.pdf(caller, id);
        response
          .status(200)
          .set({
            'Content-Type': 'application/pdf',
            'Content-Disposition': `inline; filename="${letter.id}.pdf"`,
            'Cache-Control': 'private, no-store',
          })
          .send(letter.pdf);
      } catch (error) {
        if (error instanceof NotFoundError)
          return void response.status(404).json({ errors: [{ message: 'No such letter.', extensions: { code: 'NOT_FOUND' } }] });
        throw error;
      }
    })().catch(next);
  });

  /** The context of one GraphQL request: /graphql's, and the complaint site's (anonymous, in process). */
  const contextFor = (request: Request, caller: RequestContext['caller']): RequestContext => ({
    requestId: randomUUID(),
    caller,
    ip: request.ip ?? 'unknown',
    clock,
    logger,
    services,
    loaders: createLoaders(dataSource),
  });
  // the site at /klacht/ is a client of the API: every operation runs through Apollo as a website's would
  const execute: SiteExecute = async (query, variables, request) => {
    const response = await apollo.executeOperation({ query, variables }, { contextValue: contextFor(request, null) });
    if (response.body.kind !== 'single') throw new Error('the complaint site expects one result per operation');
    return response.body.singleResult;
  };

  registerFileRoutes(app, services, logger);
  registerPortalRoutes(app, { config, services, logger, clock, dataSource, execute, secret: siteSecret });

  app.use(
    '/graphql',
    // no answer of the graph may be kept by a cache, a refusal before Apollo's plugins run (CSRF, bad JSON, 503) neither
    (_request, response, next) => {
      response.set('Cache-Control', 'no-store');
      next();
    },
    express.json({ limit: config.bodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<RequestContext> => contextFor(req, await authenticate(services, req.headers.authorization)),
    }),
  );

  const adminIndex = path.join(config.adminDistDir, 'index.html');
  // the panel previews attachments and letters from blob: URLs it fetched with the bearer token
  const adminHeaders = helmet({ contentSecurityPolicy: { directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'frame-src': ["'self'", 'blob:'] } } });
  app.use('/admin', adminHeaders, express.static(config.adminDistDir, { index: false, maxAge: '1h' }));
  app.get(/^\/admin(\/.*)?$/, (_request, response) => {
    if (!fs.existsSync(adminIndex)) {
      response.status(503).type('text/plain').send('The admin panel is not built: run `npm run build`.');
      return;
    }
    response.set('Cache-Control', 'no-cache').sendFile(adminIndex);
  });
  app.get('/', (_request, response) => response.redirect(302, '/admin/'));

  app.use((_request, response) => {
    response.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
  });

  // Body-parser and other middleware errors: a clear 4xx for the caller's mistakes, never a stack trace.
  const onError: ErrorRequestHandler = (error: { type?: string; status?: number; message?: string }, _request, response, _next) => {
    if (response.headersSent) {
      // A stream (the CSV export) failed half-way: all we can do is cut the connection.
      logger.error('response failed after its headers were sent', { error: String(error.message ?? error) });
      response.destroy();
      return;
    }
    if (isTransientDatabaseError(error)) {
      const unavailable = new ServiceUnavailableError();
      response
        .status(503)
        .set('Retry-After', String(RETRY_AFTER_SECONDS))
        .json(graphqlError(503, 'SERVICE_UNAVAILABLE', unavailable.message).body);
      return;
    }
    const answer =
      error.type === 'entity.too.large'
        ? graphqlError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${Math.round(config.bodyLimitBytes / 1024)} KB.`)
        : error.type === 'entity.parse.failed'
          ? graphqlError(400, 'BAD_REQUEST', 'The request body is not valid JSON.')
          : error.status && error.status >= 400 && error.status < 500
            ? graphqlError(error.status, 'BAD_REQUEST', error.message ?? 'Bad request.')
            : undefined;
    if (answer) {
      response.status(answer.status).json(answer.body);
      return;
    }
    const errorId = randomUUID();
    logger.error('unexpected HTTP error', { errorId, error: String(error.message ?? error) });
    response.status(500).json(graphqlError(500, 'INTERNAL_SERVER_ERROR', `Internal error; it was logged with id ${errorId}.`).body);
  };
  app.use(onError);

  return {
    app,
    server,
    async stop() {
      await apollo.stop();
    },
  };
}
