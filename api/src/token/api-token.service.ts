import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-event.entity';
import { createdValues, type AuditService } from '../audit/audit.service';
import type { Caller } from '../shared/caller';
import type { Clock } from '../shared/clock';
import { NotFoundError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { effectiveRoles, Role } from '../shared/roles';
import { ApiToken, ApiTokenScope } from './api-token.entity';

/** Secrets look like `kr_<43 characters>`; the prefix tells an API token from a staff JWT. */
export const TOKEN_PREFIX = 'kr_';

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

export class ApiTokenService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** A new token; its secret is returned this once and only its hash is kept. */
  async create(caller: Caller, name: string, scope: ApiTokenScope): Promise<{ token: ApiToken; secret: string }> {
    const secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const token = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiToken);
      const created = await repository.save(
        repository.create({ name: name.trim(), scope, tokenHash: hash(secret), prefix: secret.slice(0, 10), createdById: caller.id }),
      );
      await this.audit.record(
        manager,
        caller,
        'ApiToken',
        created.id,
        AuditAction.CREATED,
        createdValues({ name: created.name, scope, prefix: created.prefix }),
      );
      return created;
    });
    this.logger.info('API token created', { tokenId: token.id, scope, by: caller.id });
    return { token, secret };
  }

  async revoke(caller: Caller, id: string): Promise<ApiToken> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ApiToken);
      const token = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token) throw new NotFoundError('ApiToken', id);
      if (!token.revokedAt) {
        token.revokedAt = this.clock.now().toJSDate();
        await repository.update({ id }, { revokedAt: token.revokedAt });
        await this.audit.record(manager, caller, 'ApiToken', id, AuditAction.UPDATED, { revokedAt: { from: null, to: token.revokedAt.toISOString() } });
        this.logger.info('API token revoked', { tokenId: id });
      }
      return token;
    });
  }

  list(): Promise<ApiToken[]> {
    return this.dataSource.getRepository(ApiToken).find({ order: { createdAt: 'DESC' } });
  }

  /** The caller behind a token secret; null for an unknown or revoked one. Records the last use (at most once a minute). */
  async authenticate(secret: string): Promise<Caller | null> {
    const token = await this.dataSource.getRepository(ApiToken).findOneBy({ tokenHash: hash(secret) });
    if (!token || token.revokedAt) return null;
    await this.dataSource.query(
      `UPDATE api_token SET last_used_at = now() WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [token.id],
    );
    const roles = token.scope === ApiTokenScope.ANALYST ? [Role.ANALYST] : [];
    return { id: token.id, name: token.name, roles, effectiveRoles: effectiveRoles(roles), tokenScope: token.scope };
  }
}
