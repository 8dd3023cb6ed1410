import type { DataSource, EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-event.entity';
import { changesBetween, createdValues, type AuditService } from '../audit/audit.service';
import { hashPassword, verifyPassword } from '../auth/password';
import type { Caller } from '../shared/caller';
import { FieldCode, NotFoundError, problem, UserInputError } from '../shared/errors';
import { lockVersion } from '../shared/optimistic-lock';
import type { Logger } from '../shared/logger';
import { escapeLike, pageOf } from '../shared/list-query';
import type { Page } from '../shared/pagination';
import { foreignKeyViolation, uniqueViolation } from '../shared/postgres-errors';
import { Role } from '../shared/roles';
import { EmailTakenError, LastAdminError } from './staff.errors';
import { Staff, type Language } from './staff.entity';
import type { CreateStaffInput, StaffListArgs, UpdateStaffInput } from './staff.input';

const SORT_COLUMNS = { name: 'staff.name', email: 'staff.email', createdAt: 'staff.created_at', lastLoginAt: 'staff.last_login_at' } as const;

export class StaffService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly logger: Logger,
  ) {}

  async get(id: string): Promise<Staff> {
    const staff = await this.dataSource.getRepository(Staff).findOneBy({ id });
    if (!staff) throw new NotFoundError('Staff', id);
    return staff;
  }

  /** One statement: the page and, through a window count, the total. */
  async list(args: StaffListArgs): Promise<Page<Staff>> {
    const query = this.dataSource.getRepository(Staff).createQueryBuilder('staff');
    const { filter } = args;
    if (filter?.q) query.andWhere('(staff.name ILIKE :q OR staff.email ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    if (filter?.role) query.andWhere(':role = ANY(staff.roles)', { role: filter.role });
    if (filter?.roles?.length) query.andWhere('staff.roles && :roles::varchar[]', { roles: filter.roles });
    if (filter?.active !== undefined && filter.active !== null) query.andWhere('staff.active = :active', { active: filter.active });
    if (filter?.ids) query.andWhere('staff.id IN (:...ids)', { ids: filter.ids.length ? filter.ids : [null] });
    return pageOf(query, args, SORT_COLUMNS[args.sortField], args.sortOrder, 'staff.id');
  }

  /** A new account; `caller` null: the system (the first ADMIN at start). */
  async create(caller: Caller | null, input: CreateStaffInput, outer?: EntityManager): Promise<Staff> {
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    const values = { name: input.name.trim(), email, roles: [...new Set(input.roles)], unitId: input.unitId ?? null, supervisorId: input.supervisorId ?? null };
    const work = async (manager: EntityManager) => {
      const { identifiers } = await manager.getRepository(Staff).insert({ ...values, passwordHash });
      const id = identifiers[0].id as string;
      await this.audit.record(manager, caller, 'Staff', id, AuditAction.CREATED, createdValues({ ...values, password: input.password }));
      this.logger.info('staff created', { staffId: id, roles: input.roles });
      return manager.getRepository(Staff).findOneByOrFail({ id });
    };
    try {
      return await (outer ? work(outer) : this.dataSource.transaction(work));
    } catch (error) {
      if (uniqueViolation(error) === 'staff_email_key') throw new EmailTakenError(email);
      throwUnknownReference(error);
      throw error;
    }
  }

  /** Changes an account the caller read at `version`; never the last active ADMIN's role or activity. */
  async update(caller: Caller, id: string, version: number, input: UpdateStaffInput): Promise<Staff> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Staff);
      const losesAdmin = (staff: Staff) =>
        staff.active &&
        staff.roles.includes(Role.ADMIN) &&
        (input.active === false || (input.roles !== undefined && input.roles !== null && !input.roles.includes(Role.ADMIN)));
      // Every change that may take away an ADMIN queues here first: two demotions at once cannot both
      // count the other as the remaining ADMIN.
      const before = await repository.findOneBy({ id });
      if (before && losesAdmin(before)) await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['last-admin']);
      const staff = await lockVersion(manager, Staff, id, version, 'staff member');

      if (losesAdmin(staff)) {
        const otherAdmins = await repository
          .createQueryBuilder('staff')
          .where(':admin = ANY(staff.roles) AND staff.active AND staff.id <> :id', { admin: Role.ADMIN, id })
          .getCount();
        if (otherAdmins === 0) throw new LastAdminError();
      }

      const changes: Partial<Staff> = {};
      if (input.name != null) changes.name = input.name.trim();
      if (input.email != null) changes.email = input.email.trim().toLowerCase();
      if (input.roles != null) changes.roles = [...new Set(input.roles)];
      if (input.active != null) changes.active = input.active;
      if (input.unitId !== undefined) changes.unitId = input.unitId;
      if (input.supervisorId !== undefined) {
        if (input.supervisorId === id)
          throw new UserInputError('Nobody supervises themselves.', {
            supervisorId: problem(FieldCode.OWN_SUPERVISOR, 'cannot be the member of staff itself'),
          });
        changes.supervisorId = input.supervisorId;
      }
      if (input.password != null) changes.passwordHash = await hashPassword(input.password);
      if (input.password != null || input.active === false) changes.sessionVersion = staff.sessionVersion + 1;
      try {
        await repository.update({ id }, changes);
        await this.audit.record(
          manager,
          caller,
          'Staff',
          id,
          AuditAction.UPDATED,
          changesBetween(staff, { ...changes, ...(input.password != null ? { password: '(new)' } : {}) }),
        );
      } catch (error) {
        if (uniqueViolation(error) === 'staff_email_key') throw new EmailTakenError(changes.email ?? '');
        throwUnknownReference(error);
        throw error;
      }
      return repository.findOneByOrFail({ id });
    });
  }

  /**
   * Their own password, with the current one (counted as a sign-in attempt by the caller first): the new one
   * signs the account out everywhere else; answers the account as it is now, for a new token.
   */
  async changeOwnPassword(caller: Caller, currentPassword: string, newPassword: string): Promise<Staff> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Staff);
      const staff = await repository
        .createQueryBuilder('staff')
        .addSelect('staff.passwordHash')
        .setLock('pessimistic_write')
        .where('staff.id = :id AND staff.active', { id: caller.id })
        .getOne();
      if (!staff) throw new NotFoundError('Staff', caller.id);
      if (!(await verifyPassword(staff.passwordHash, currentPassword)))
        throw new UserInputError('The current password is not right.', { currentPassword: problem(FieldCode.WRONG_PASSWORD, 'is not right') });
      if (currentPassword === newPassword)
        throw new UserInputError('The new password is the current one.', {
          newPassword: problem(FieldCode.SAME_AS_BEFORE, 'must differ from the current one'),
        });
      await repository.update(
        { id: staff.id },
        { passwordHash: await hashPassword(newPassword), sessionVersion: staff.sessionVersion + 1, version: staff.version + 1 },
      );
      await this.audit.record(manager, caller, 'Staff', staff.id, AuditAction.UPDATED, { password: '(changed)' });
      return repository.findOneByOrFail({ id: staff.id });
    });
  }

  /** Their own choice of the admin panel's language. */
  async setLanguage(caller: Caller, language: Language): Promise<Staff> {
    await this.dataSource.query('UPDATE staff SET language = $2, updated_at = now() WHERE id = $1', [caller.id, language]);
    return this.get(caller.id);
  }

  async count(): Promise<number> {
    return this.dataSource.getRepository(Staff).count();
  }
}

/** A unit or supervisor id that names nothing: a field error, not a 500. */
function throwUnknownReference(error: unknown): void {
  const field = { staff_unit_fk: 'unitId', staff_supervisor_fk: 'supervisorId' }[foreignKeyViolation(error) ?? ''];
  if (field)
    throw new UserInputError(
      `${field} names something that does not exist.`,
      { [field]: problem(FieldCode.DOES_NOT_EXIST, 'does not exist') },
      'UNKNOWN_REFERENCE',
    );
}
