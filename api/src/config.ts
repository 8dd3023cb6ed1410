import fs from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';

/**
 * Every environment variable the API reads is parsed and validated here, once.
 * A bad value stops the process with one line naming the variable (see main.ts).
 */
export type NodeEnv = 'development' | 'production' | 'test';

export interface Config {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  host: string;
  port: number;
  /** External PostgreSQL, as the request role; unset means the embedded one under `dataDir`. */
  databaseUrl: string | undefined;
  /** The owner role that runs the migrations; default: `databaseUrl` (warned about at start). */
  databaseMigrationUrl: string | undefined;
  /** Pool size, the wait for a free connection, and the request role's timeouts. */
  database: DatabaseLimits;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Unset outside production: a secret is generated and kept under `dataDir`. */
  jwtSecret: string | undefined;
  tokenTtlSeconds: number;
  /** Secret of the complainant pseudonyms in BI; unset outside production: generated under `dataDir`. */
  pseudonymSecret: string | undefined;
  /** A read replica for BI queries; unset: the primary. */
  databaseReadUrl: string | undefined;
  bodyLimitBytes: number;
  /** Whose X-Forwarded-For counts (Express `trust proxy`): addresses or subnets; empty: nobody's. */
  trustedProxies: string[];
  /** Complaints the website may submit per client address per 10 minutes. */
  submitRateLimit: number;
  /** Complaints one WEBSITE token may submit per 10 minutes. */
  websiteRateLimit: number;
  logLevel: LogLevel;
  /** Serve the built admin panel from this folder at /admin/. */
  adminDistDir: string;
  /** This instance runs the scheduled work (the deadline watch, the digest); off: it only serves requests. */
  workers: boolean;
  /** When the daily digest goes out on working days (HH:MM, Europe/Amsterdam). */
  digestTime: string;
  /** The mail server (smtp:// or smtps://); unset: messages wait in the outbox, shown as not sent. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** On every letter: the organisation's name and postal address. */
  organisationName: string;
  organisationAddress: string;
  /** ORGANISATION_LOGO, a PNG or JPEG file, read once as a data URL for the letters' heading. */
  organisationLogo: string | undefined;
  /** Where complainants reach this process (PUBLIC_URL): the status page's address in letters. */
  publicUrl: string;
  /** The ready-made complaint site at /klacht/ (portal/site/). */
  portal: PortalConfig;
  /** Where attachments and exports are kept: S3_BUCKET set, an S3-compatible bucket; unset, `<dataDir>/files`. */
  files: FileStoreConfig;
  /**
   * ATTACHMENT_MAX_MB per file, COMPLAINT_ATTACHMENTS_MAX_MB per complaint (all files together); the website's
   * form: WEBSITE_ATTACHMENT_MAX_MB per file, at most WEBSITE_ATTACHMENTS files per complaint, WEBSITE_UPLOAD_RATE_LIMIT
   * uploads per client address per 10 minutes.
   */
  attachments: { fileBytes: number; complaintBytes: number; websiteFileBytes: number; websiteFiles: number; uploadsPer10Minutes: number };
}

export interface PortalConfig {
  /** PORTAL_FRAME_ANCESTORS: the origins whose pages may embed the site in an iframe; empty: none. */
  frameAncestors: string[];
  /** PORTAL_MIN_FILL_SECONDS: a form sent sooner after it was shown is taken for a robot's. */
  minFillSeconds: number;
}

export type FileStoreConfig = { kind: 'disk'; directory: string } | { kind: 's3'; s3: S3Settings };

export interface S3Settings {
  bucket: string;
  /** S3_ENDPOINT, for an S3-compatible server (MinIO, …); unset: AWS itself, by region. */
  endpoint: string | undefined;
  region: string;
  /** S3_ACCESS_KEY_ID with S3_SECRET_ACCESS_KEY; unset: the SDK's default chain (environment, profile, instance role). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  /** `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key`; the default with S3_ENDPOINT. */
  forcePathStyle: boolean;
  /** S3_PREFIX, put before every key so that one bucket can serve several installations: empty or ending in `/`. */
  prefix: string;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface DatabaseLimits {
  poolSize: number;
  /** How long a request waits for a free connection before it is answered SERVICE_UNAVAILABLE. */
  poolWaitMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
  /** BI reads (statistics, facts, CSV) have a budget of their own. */
  biStatementTimeoutMs: number;
}

/** The letters' logo: a PNG or JPEG file of at most 1 MB, as a data URL. */
function logo(env: Env): string | undefined {
  const file = read(env, 'ORGANISATION_LOGO');
  if (file === undefined) return undefined;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new ConfigError('ORGANISATION_LOGO', `cannot read ${file}`);
  }
  if (bytes.length > 1024 * 1024) throw new ConfigError('ORGANISATION_LOGO', 'must be at most 1 MB');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
  if (!png && !jpeg) throw new ConfigError('ORGANISATION_LOGO', 'must be a PNG or JPEG file');
  return `data:image/${png ? 'png' : 'jpeg'};base64,${bytes.toString('base64')}`;
}

/** smtp://user:password@host:port or smtps://…, as nodemailer takes it. */
function smtpUrl(env: Env): string | undefined {
  const value = read(env, 'SMTP_URL');
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('SMTP_URL', 'must be a URL like smtp://user:password@mail.example.org:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new ConfigError('SMTP_URL', `must start with smtp:// or smtps:// (got "${url.protocol}//")`);
  return value;
}

/** HH:MM, 00:00 to 23:59. */
function timeOfDay(env: Env, name: string, fallback: string): string {
  const value = read(env, name) ?? fallback;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) throw new ConfigError(name, `must be a time of day as HH:MM (got "${value}")`);
  return value;
}

/** S3_BUCKET and its companions; without S3_BUCKET the others are refused rather than silently ignored. */
function files(env: Env, dataDir: string): FileStoreConfig {
  const bucket = read(env, 'S3_BUCKET');
  if (bucket === undefined) {
    const stray = ['S3_ENDPOINT', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_PREFIX'].find(
      (name) => read(env, name) !== undefined,
    );
    if (stray !== undefined) throw new ConfigError(stray, 'needs S3_BUCKET (without it files are kept under DATA_DIR)');
    return { kind: 'disk', directory: path.join(dataDir, 'files') };
  }
  // S3's rules for new buckets: 3 to 63 lowercase letters, digits, dots and hyphens, a letter or digit at each end
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) || bucket.includes('..')) {
    throw new ConfigError('S3_BUCKET', `must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens (got "${bucket}")`);
  }
  const endpoint = s3Endpoint(env);
  const region = read(env, 'S3_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9][a-z0-9-]{0,49}$/.test(region)) throw new ConfigError('S3_REGION', `must be a region name like eu-central-1 (got "${region}")`);
  const accessKeyId = read(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = read(env, 'S3_SECRET_ACCESS_KEY');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new ConfigError(
      accessKeyId === undefined ? 'S3_ACCESS_KEY_ID' : 'S3_SECRET_ACCESS_KEY',
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither for the default credential chain',
    );
  }
  const prefix = read(env, 'S3_PREFIX') ?? '';
  if (prefix !== '' && (!/^[a-z0-9][a-z0-9/_.-]{0,99}\/$/.test(prefix) || prefix.includes('..') || prefix.includes('//'))) {
    throw new ConfigError('S3_PREFIX', `must be lowercase letters, digits and / _ . - ending in / like klachten/ (got "${prefix}")`);
  }
  return {
    kind: 's3',
    s3: {
      bucket,
      endpoint,
      region,
      credentials: accessKeyId !== undefined && secretAccessKey !== undefined ? { accessKeyId, secretAccessKey } : undefined,
      forcePathStyle: oneOf(env, 'S3_FORCE_PATH_STYLE', ['true', 'false'], endpoint === undefined ? 'false' : 'true') === 'true',
      prefix,
    },
  };
}

/** http:// or https://, no path: the SDK puts the bucket in the path or the host name itself. */
function s3Endpoint(env: Env): string | undefined {
  const value = read(env, 'S3_ENDPOINT');
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('S3_ENDPOINT', 'must be a URL like http://127.0.0.1:9000');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError('S3_ENDPOINT', `must start with http:// or https:// (got "${url.protocol}//")`);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new ConfigError('S3_ENDPOINT', `must be a scheme, host and port only, without path, query or credentials (got "${value}")`);
  }
  return url.origin;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(name, `must be a whole number (got "${value}")`);
  const parsed = Number(value);
  if (parsed < min || parsed > max) {
    throw new ConfigError(name, `must be between ${min} and ${max} (got ${parsed})`);
  }
  return parsed;
}

function postgresUrl(env: Env, name: string): string | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, 'must be a URL like postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `must start with postgres:// (got "${url.protocol}//")`);
  }
  return value;
}

/** The checkout's top folder, from the source (api/src) or the build (api/dist/api/src). */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'admin', 'package.json')) || !fs.existsSync(path.join(dir, 'api', 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** TRUSTED_PROXIES: comma-separated addresses or CIDR subnets, or Express's names (loopback, linklocal, uniquelocal). */
/** An absolute http(s) URL without a path of its own beyond a prefix, as complainants reach the site; no trailing slash. */
function publicUrl(env: Env, host: string, port: number): string {
  const value = read(env, 'PUBLIC_URL');
  const fallback = `http://${host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
  if (value === undefined) return fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('PUBLIC_URL', `must be an address such as https://klachten.example.nl (got "${value}")`);
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash || url.username)
    throw new ConfigError('PUBLIC_URL', `must be an http(s) address without query, fragment or credentials (got "${value}")`);
  return url.toString().replace(/\/+$/, '');
}

/** Origins (scheme://host[:port]) that may frame the complaint site; each checked. */
function frameAncestors(env: Env): string[] {
  const value = read(env, 'PORTAL_FRAME_ANCESTORS');
  if (value === undefined) return [];
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((entry) => {
      let url: URL | undefined;
      try {
        url = new URL(entry);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== entry.replace(/\/$/, ''))
        throw new ConfigError('PORTAL_FRAME_ANCESTORS', `must list origins such as https://www.example.nl (got "${entry}")`);
      return url.origin;
    });
}

function trustedProxies(env: Env): string[] {
  const value = read(env, 'TRUSTED_PROXIES');
  if (value === undefined) return [];
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const named = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const maxBits = isIP(address) === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!named && (rest.length > 0 || isIP(address) === 0 || !validBits)) {
      throw new ConfigError('TRUSTED_PROXIES', `must list addresses or subnets such as 10.0.0.0/8, or loopback (got "${entry}")`);
    }
    if (bits !== undefined && Number(bits) < 8) {
      throw new ConfigError('TRUSTED_PROXIES', `trusting ${entry} lets almost anyone choose their own address: name your proxies (got "${entry}")`);
    }
  }
  return entries;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const MIN_PASSWORD_LENGTH = 12;

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf<NodeEnv>(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const isProduction = nodeEnv === 'production';

  const adminEmail = read(env, 'ADMIN_EMAIL');
  if (adminEmail !== undefined && !EMAIL.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', `must be an e-mail address (got "${adminEmail}")`);
  }
  const adminPassword = read(env, 'ADMIN_PASSWORD');
  if (adminPassword !== undefined && adminPassword.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError('ADMIN_PASSWORD', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError(adminEmail === undefined ? 'ADMIN_EMAIL' : 'ADMIN_PASSWORD', 'ADMIN_EMAIL and ADMIN_PASSWORD go together: set both or neither');
  }

  const jwtSecret = read(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  }
  if (isProduction && jwtSecret === undefined) {
    throw new ConfigError('JWT_SECRET', 'is required when NODE_ENV=production');
  }
  const pseudonymSecret = read(env, 'PSEUDONYM_SECRET');
  if (pseudonymSecret !== undefined && pseudonymSecret.length < 32) {
    throw new ConfigError('PSEUDONYM_SECRET', 'must be at least 32 characters');
  }
  if (isProduction && pseudonymSecret === undefined) {
    throw new ConfigError('PSEUDONYM_SECRET', 'is required when NODE_ENV=production');
  }

  const databaseUrl = postgresUrl(env, 'DATABASE_URL');
  const migrationUrl = postgresUrl(env, 'DATABASE_MIGRATION_URL');
  if (migrationUrl !== undefined && databaseUrl === undefined) {
    throw new ConfigError('DATABASE_MIGRATION_URL', 'needs DATABASE_URL (the embedded database has its own roles)');
  }

  const dataDir = path.resolve(read(env, 'DATA_DIR') ?? '.data');

  const host = read(env, 'HOST') ?? '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `is not a host name or address (got "${host}")`);

  const port = integer(env, 'PORT', 4000, 0, 65535);
  return {
    nodeEnv,
    isProduction,
    host,
    port,
    databaseUrl,
    databaseMigrationUrl: databaseUrl === undefined ? undefined : (migrationUrl ?? databaseUrl),
    database: {
      poolSize: integer(env, 'DATABASE_POOL_SIZE', 20, 2, 500),
      poolWaitMs: integer(env, 'DATABASE_POOL_WAIT_MS', 2_000, 100, 60_000),
      statementTimeoutMs: integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 5_000, 100, 600_000),
      lockTimeoutMs: integer(env, 'DATABASE_LOCK_TIMEOUT_MS', 2_000, 100, 600_000),
      idleInTransactionTimeoutMs: integer(env, 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', 10_000, 100, 600_000),
      biStatementTimeoutMs: integer(env, 'BI_STATEMENT_TIMEOUT_MS', 120_000, 1_000, 3_600_000),
    },
    trustedProxies: trustedProxies(env),
    databaseReadUrl: postgresUrl(env, 'DATABASE_READ_URL'),
    pseudonymSecret,
    dataDir,
    adminEmail: adminEmail?.toLowerCase(),
    adminPassword,
    jwtSecret,
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_MINUTES', 8 * 60, 1, 7 * 24 * 60) * 60,
    bodyLimitBytes: integer(env, 'BODY_LIMIT_KB', 1024, 16, 50 * 1024) * 1024,
    submitRateLimit: integer(env, 'SUBMIT_RATE_LIMIT', 20, 1, 1_000_000),
    websiteRateLimit: integer(env, 'WEBSITE_RATE_LIMIT', 2_000, 1, 10_000_000),
    logLevel: oneOf<LogLevel>(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error', 'silent'], nodeEnv === 'test' ? 'warn' : 'info'),
    adminDistDir: path.resolve(read(env, 'ADMIN_DIST_DIR') ?? path.join(repositoryRoot(), 'admin', 'dist')),
    workers: oneOf(env, 'WORKERS', ['on', 'off'], 'on') === 'on',
    digestTime: timeOfDay(env, 'DIGEST_TIME', '08:00'),
    smtpUrl: smtpUrl(env),
    mailFrom: read(env, 'MAIL_FROM') ?? 'Klachtenregistratie <klachten@localhost>',
    organisationName: read(env, 'ORGANISATION_NAME') ?? 'Klachtenregistratie',
    organisationAddress: read(env, 'ORGANISATION_ADDRESS') ?? '',
    organisationLogo: logo(env),
    publicUrl: publicUrl(env, host, port),
    portal: { frameAncestors: frameAncestors(env), minFillSeconds: integer(env, 'PORTAL_MIN_FILL_SECONDS', 3, 0, 120) },
    files: files(env, dataDir),
    attachments: {
      fileBytes: integer(env, 'ATTACHMENT_MAX_MB', 25, 1, 1024) * 1024 * 1024,
      complaintBytes: integer(env, 'COMPLAINT_ATTACHMENTS_MAX_MB', 100, 1, 10_240) * 1024 * 1024,
      websiteFileBytes: integer(env, 'WEBSITE_ATTACHMENT_MAX_MB', 10, 1, 1024) * 1024 * 1024,
      websiteFiles: integer(env, 'WEBSITE_ATTACHMENTS', 5, 0, 20),
      uploadsPer10Minutes: integer(env, 'WEBSITE_UPLOAD_RATE_LIMIT', 30, 1, 1_000_000),
    },
  };
}
