import path from 'node:path';
import { ConfigError, loadConfig } from '../../api/src/config';

function refusal(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('configuration', () => {
  it('has working defaults: port 4000, embedded database under .data/', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: undefined, dataDir: path.resolve('.data'), nodeEnv: 'development', isProduction: false });
    expect(config.files).toEqual({ kind: 'disk', directory: path.resolve('.data', 'files') });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ ADMIN_EMAIL: 'nobody', ADMIN_PASSWORD: 'long-enough-password' }, 'ADMIN_EMAIL'],
    [{ ADMIN_EMAIL: 'a@example.org', ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'a@example.org' }, 'ADMIN_PASSWORD'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }, 'PSEUDONYM_SECRET'],
    [{ DATABASE_READ_URL: 'replica' }, 'DATABASE_READ_URL'],
    [{ SUBMIT_RATE_LIMIT: '0' }, 'SUBMIT_RATE_LIMIT'],
    [{ TOKEN_TTL_MINUTES: '0' }, 'TOKEN_TTL_MINUTES'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, 'TRUSTED_PROXIES'],
    [{ TRUSTED_PROXIES: 'proxy.example.org' }, 'TRUSTED_PROXIES'],
    [{ DATABASE_MIGRATION_URL: 'postgres://owner:x@db/klachten' }, 'DATABASE_MIGRATION_URL'],
    [{ DATABASE_POOL_SIZE: '1' }, 'DATABASE_POOL_SIZE'],
    [{ WORKERS: 'maybe' }, 'WORKERS'],
    [{ DIGEST_TIME: '8:00' }, 'DIGEST_TIME'],
    [{ DIGEST_TIME: '24:00' }, 'DIGEST_TIME'],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL'],
    [{ ORGANISATION_LOGO: '/no/such/logo.png' }, 'ORGANISATION_LOGO'],
    [{ ORGANISATION_LOGO: __filename }, 'ORGANISATION_LOGO'],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: '0' }, 'DATABASE_STATEMENT_TIMEOUT_MS'],
    [{ S3_BUCKET: 'Klachten' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'kb' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'klachten..files' }, 'S3_BUCKET'],
    [{ S3_BUCKET: 'klachten', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'klachten', S3_ENDPOINT: 'ftp://minio:9000' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'klachten', S3_ENDPOINT: 'http://minio:9000/klachten' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'klachten', S3_ENDPOINT: 'http://key:secret@minio:9000' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'klachten', S3_REGION: 'EU Central' }, 'S3_REGION'],
    [{ S3_BUCKET: 'klachten', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, 'S3_SECRET_ACCESS_KEY'],
    [{ S3_BUCKET: 'klachten', S3_SECRET_ACCESS_KEY: 'secret' }, 'S3_ACCESS_KEY_ID'],
    [{ S3_BUCKET: 'klachten', S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE'],
    [{ S3_BUCKET: 'klachten', S3_PREFIX: 'klachten' }, 'S3_PREFIX'],
    [{ S3_BUCKET: 'klachten', S3_PREFIX: '/klachten/' }, 'S3_PREFIX'],
    [{ S3_BUCKET: 'klachten', S3_PREFIX: 'a/../b/' }, 'S3_PREFIX'],
    [{ S3_BUCKET: 'klachten', S3_PREFIX: 'Klachten/' }, 'S3_PREFIX'],
    [{ S3_ENDPOINT: 'http://127.0.0.1:9000' }, 'S3_ENDPOINT'],
    [{ S3_PREFIX: 'klachten/' }, 'S3_PREFIX'],
    [{ ATTACHMENT_MAX_MB: '0' }, 'ATTACHMENT_MAX_MB'],
    [{ COMPLAINT_ATTACHMENTS_MAX_MB: 'veel' }, 'COMPLAINT_ATTACHMENTS_MAX_MB'],
    [{ WEBSITE_ATTACHMENT_MAX_MB: '2048' }, 'WEBSITE_ATTACHMENT_MAX_MB'],
    [{ WEBSITE_ATTACHMENTS: '21' }, 'WEBSITE_ATTACHMENTS'],
    [{ WEBSITE_UPLOAD_RATE_LIMIT: '-1' }, 'WEBSITE_UPLOAD_RATE_LIMIT'],
  ])('refuses %j naming %s', (env, variable) => {
    const error = refusal(env);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('reads an external database and production settings', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/klachten',
      DATABASE_READ_URL: 'postgres://u:p@replica:5432/klachten',
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(32),
      PSEUDONYM_SECRET: 'y'.repeat(32),
      PORT: '8080',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u:p@db:5432/klachten',
      databaseReadUrl: 'postgres://u:p@replica:5432/klachten',
      isProduction: true,
      port: 8080,
      logLevel: 'info',
    });
    // one URL for both roles unless DATABASE_MIGRATION_URL says otherwise (warned about at start)
    expect(config.databaseMigrationUrl).toBe(config.databaseUrl);
    expect(config.trustedProxies).toEqual([]);
  });

  it('reads the owner, the proxies and the request timeouts', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app:p@db/klachten',
      DATABASE_MIGRATION_URL: 'postgres://owner:p@db/klachten',
      TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7,loopback, ::1',
      DATABASE_LOCK_TIMEOUT_MS: '500',
    });
    expect(config).toMatchObject({
      databaseMigrationUrl: 'postgres://owner:p@db/klachten',
      trustedProxies: ['10.0.0.0/8', '192.168.1.7', 'loopback', '::1'],
      database: {
        poolSize: 20,
        poolWaitMs: 2000,
        statementTimeoutMs: 5000,
        lockTimeoutMs: 500,
        idleInTransactionTimeoutMs: 10000,
        biStatementTimeoutMs: 120000,
      },
    });
  });

  it('keeps files on disk under DATA_DIR unless S3_BUCKET is set', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/klachten' }).files).toEqual({ kind: 'disk', directory: path.resolve('/var/lib/klachten', 'files') });
  });

  it('reads an S3-compatible server: path-style by default with an endpoint, the keys, the prefix', () => {
    const config = loadConfig({
      S3_BUCKET: 'klachten-files',
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
      S3_ACCESS_KEY_ID: 'minio',
      S3_SECRET_ACCESS_KEY: 'minio-secret',
      S3_PREFIX: 'klachten/productie/',
    });
    expect(config.files).toEqual({
      kind: 's3',
      s3: {
        bucket: 'klachten-files',
        endpoint: 'http://127.0.0.1:9000',
        region: 'us-east-1',
        credentials: { accessKeyId: 'minio', secretAccessKey: 'minio-secret' },
        forcePathStyle: true,
        prefix: 'klachten/productie/',
      },
    });
  });

  it('reads AWS S3 itself: virtual-hosted style, the default credential chain, no prefix', () => {
    expect(loadConfig({ S3_BUCKET: 'klachten.example.org', S3_REGION: 'eu-central-1' }).files).toEqual({
      kind: 's3',
      s3: { bucket: 'klachten.example.org', endpoint: undefined, region: 'eu-central-1', credentials: undefined, forcePathStyle: false, prefix: '' },
    });
    const hosted = loadConfig({ S3_BUCKET: 'klachten', S3_ENDPOINT: 'https://s3.example.org', S3_FORCE_PATH_STYLE: 'false' }).files;
    expect(hosted).toMatchObject({ kind: 's3', s3: { endpoint: 'https://s3.example.org', forcePathStyle: false } });
  });
});
