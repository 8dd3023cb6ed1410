import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import { AppError, ForbiddenError } from '../shared/errors';
import type { RateLimits } from '../shared/rate-limits';
import { effectiveRoles, Role } from '../shared/roles';
import { Staff } from '../staff/staff.entity';
import type { StaffService } from '../staff/staff.service';
import { decoyHash, verifyPassword } from './password';
import type { TokenService } from './token.service';
import { TOKEN_PREFIX, type ApiTokenService } from '../token/api-token.service';

export class InvalidCredentialsError extends AppError {
  constructor() {
    super('INVALID_CREDENTIALS', 'E-mail address or password is wrong, or the account is inactive.');
  }
}

export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly apiTokens: ApiTokenService,
    private readonly rateLimits: RateLimits,
    private readonly staff: StaffService,
  ) {}

  async login(email: string, password: string, ip: string): Promise<{ token: string; expiresAt: Date; staff: Staff }> {
    const normalised = email.toLowerCase();
    // A locked account stays locked whatever the address and whether or not the password is right.
    await this.rateLimits.beginSignIn(normalised, ip);

    const staff = await this.dataSource
      .getRepository(Staff)
      .createQueryBuilder('staff')
      .addSelect('staff.passwordHash')
      .where('staff.email = :email', { email: normalised })
      .getOne();
    const valid = await verifyPassword(staff?.passwordHash ?? (await decoyHash()), password);
    if (!staff || !valid || !staff.active) {
      this.logger.info('sign-in refused', { email: normalised, ip });
      throw new InvalidCredentialsError();
    }
    await this.rateLimits.signedIn(normalised, ip);
    // Not an edit of the account: its version stays, so a form open on it elsewhere is not made stale.
    await this.dataSource.query('UPDATE staff SET last_login_at = $2 WHERE id = $1', [staff.id, this.clock.now().toJSDate()]);
    const { token, expiresAt } = await this.tokens.issue({ staffId: staff.id, sessionVersion: staff.sessionVersion });
    return { token, expiresAt, staff };
  }

  /** The caller behind a bearer token (a staff sign-in or an API token); null for none, a bad one, or a signed-out account. */
  async authenticate(authorization: string | undefined): Promise<Caller | null> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return null;
    if (match[1].startsWith(TOKEN_PREFIX)) return this.apiTokens.authenticate(match[1]);
    const claims = await this.tokens.verify(match[1]);
    if (!claims) return null;
    const staff = await this.dataSource.getRepository(Staff).findOneBy({ id: claims.staffId });
    if (!staff || !staff.active || staff.sessionVersion !== claims.sessionVersion) return null;
    return this.callerOf(staff);
  }

  /**
   * A member of staff changes their own password: the current one is checked as a sign-in is (counted first, so it
   * cannot be guessed faster than a sign-in), every other session ends, and this one goes on with a new token.
   */
  async changeOwnPassword(caller: Caller, currentPassword: string, newPassword: string, ip: string): Promise<{ token: string; expiresAt: Date; staff: Staff }> {
    if (caller.tokenScope) throw new ForbiddenError('An API token has no password.');
    const { email } = await this.staff.get(caller.id);
    await this.rateLimits.beginSignIn(email, ip);
    const staff = await this.staff.changeOwnPassword(caller, currentPassword, newPassword);
    await this.rateLimits.signedIn(email, ip);
    const { token, expiresAt } = await this.tokens.issue({ staffId: staff.id, sessionVersion: staff.sessionVersion });
    return { token, expiresAt, staff };
  }

  callerOf(staff: Staff): Caller {
    return { id: staff.id, name: staff.name, roles: staff.roles, effectiveRoles: effectiveRoles(staff.roles), unitId: staff.unitId };
  }

  /**
   * The first ADMIN, from ADMIN_EMAIL / ADMIN_PASSWORD, when there is no staff at all. Outside
   * production, without them, admin@example.org gets a generated password, printed once.
   */
  async ensureFirstAdmin(config: Config): Promise<void> {
    if ((await this.staff.count()) > 0) return;
    let { adminEmail: email, adminPassword: password } = config;
    const generated = !email && !config.isProduction;
    if (generated) {
      email = 'admin@example.org';
      password = randomBytes(12).toString('base64url');
    }
    if (!email || !password) {
      this.logger.warn('there is no staff account yet: set ADMIN_EMAIL and ADMIN_PASSWORD and restart to create the first ADMIN');
      return;
    }
    const account = { email, password };
    const created = await this.dataSource.transaction(async (manager) => {
      // Two processes starting at once on an empty database: only one creates the ADMIN.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['first-admin']);
      if ((await manager.getRepository(Staff).count()) > 0) return false;
      await this.staff.create(null, { name: 'Beheerder', email: account.email, password: account.password, roles: [Role.ADMIN] }, manager);
      return true;
    });
    if (!created) return;
    this.logger.info('created the first ADMIN', { email });
    if (generated) {
      process.stderr.write(
        `\nNo ADMIN_EMAIL/ADMIN_PASSWORD set: created the first ADMIN ${account.email} with password ${account.password}\n` +
          'It is shown only now: sign in at /admin/ and change it (or start with ADMIN_EMAIL and ADMIN_PASSWORD on an empty database).\n\n',
      );
    }
  }
}
