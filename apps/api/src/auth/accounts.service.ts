import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { IsNull, type DataSource, type Repository } from 'typeorm';
import { CREATABLE_ROLES, REGION_LEVEL_LABELS, ROLE_LABELS, roleFitsUnit, withinJurisdiction, type AccountCreateInput, type AccountSummary, type AccountUpdateInput, type RegionLevel, type RegionType, type Role } from '@sitenet/domain';
import { newPasswordProblems } from '@sitenet/domain/password-strength';
import { ApiException, NotFoundApiException, ValidationApiException } from '../common/api-exception.js';
import { RegionEntity } from '../regions/region.entity.js';
import { AccountEntity } from './account.entity.js';
import { appendAccountAudit, type AccountAuditRecord, type AuditActor, type AuditNote } from './account-audit.js';
import { toAccountSummary } from './account.mapper.js';
import type { Actor } from '../common/actor.js';
import { hashPassword } from './passwords.js';
import { SessionEntity } from './session.entity.js';

/** Who creates an account without signing in: the create-admin CLI, or the demo seed (whose password is public on purpose). */
export interface OperatorCreation {
  operator: string;
  /** Only the demo seed: its published password skips the strength check (demo accounts never work off loopback). */
  publicDemoPassword?: boolean;
}

const NOT_FOUND = (id: string) => new NotFoundApiException('account.not_found', { 'zh-CN': `没有编号为 ${id} 的账号。`, en: `There is no account with id ${id}.` });

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
  ) {}

  /** Creates an account: by an actor inside its jurisdiction, or by the operator (the CLI, the demo seed). */
  async create(input: AccountCreateInput, by: Actor | OperatorCreation | null): Promise<AccountSummary> {
    const actor = by && !('operator' in by) ? by : null;
    const operator = by && 'operator' in by ? by : { operator: 'create-account' };
    if (actor && !CREATABLE_ROLES[actor.role].includes(input.role)) throw roleNotCreatable(actor.role, input.role);
    const unit = await this.unitFor(input.role, input.regionCode, actor);
    if (!operator.publicDemoPassword || actor) assertStrongPassword(input.password, input.username, 'body.password');
    if (await this.accounts.existsBy({ username: input.username })) throw usernameTaken(input.username);
    const entity = this.accounts.create({
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      regionCode: input.regionCode,
      passwordHash: await hashPassword(input.password),
      active: true,
      createdBy: actor?.id ?? null,
      passwordChangedAt: new Date(),
      passwordSetBy: actor?.id ?? null,
    });
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(AccountEntity).insert(entity);
        await appendAccountAudit(manager, [
          {
            actor: actor ?? operator,
            action: 'create',
            account: entity,
            provinceCode: unit?.provinceCode ?? null,
            changes: [
              { field: 'role', from: null, to: entity.role },
              { field: 'regionCode', from: null, to: entity.regionCode },
              { field: 'displayName', from: null, to: entity.displayName },
            ],
          },
        ]);
      });
    } catch (error) {
      // Two creations of the same name at once: the unique index decides, and the loser hears 409.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') throw usernameTaken(input.username);
      throw error;
    }
    return toAccountSummary(entity);
  }

  /** The unit an account of `role` is bound to: it exists, fits the role and lies inside the actor's jurisdiction. */
  private async unitFor(role: Role, regionCode: string | null, actor: Actor | null): Promise<RegionEntity | null> {
    const unit = regionCode ? await this.regions.findOneBy({ code: regionCode }) : null;
    if (regionCode && !unit) {
      throw new ValidationApiException([{ path: 'body.regionCode', code: 'region.unknown', messages: { 'zh-CN': `没有代码为 ${regionCode} 的行政区划`, en: `There is no administrative division with code ${regionCode}` } }]);
    }
    const hasCounties = unit?.level === 2 ? await this.regions.existsBy({ parentCode: unit.code, level: 3 }) : undefined;
    if (!roleFitsUnit(role, unit ? { level: unit.level as RegionLevel, type: unit.type as RegionType, hasCounties } : null)) {
      throw new ValidationApiException([{ path: 'body.regionCode', code: 'account.unit_does_not_fit_role', messages: unitHint(role, unit) }]);
    }
    if (actor && unit && !withinJurisdiction(actor.scope, unit)) {
      throw new ValidationApiException([{ path: 'body.regionCode', code: 'account.outside_jurisdiction', messages: { 'zh-CN': '只能为本辖区内的单位创建账号', en: 'Accounts can only be created for units inside your jurisdiction' } }]);
    }
    return unit;
  }

  async list(actor: Actor): Promise<AccountSummary[]> {
    const builder = this.accounts.createQueryBuilder('account').leftJoin('account.region', 'region').orderBy('account.username', 'ASC');
    if (actor.scope.kind === 'unit') builder.where(`region.${actor.scope.column} = :code`, { code: actor.scope.code });
    return (await builder.getMany()).map(toAccountSummary);
  }

  /** An account the actor may manage, or 404 (no hint that it exists). */
  async manageable(id: string, actor: Actor): Promise<AccountEntity> {
    const account = await this.accounts.findOne({ where: { id }, relations: { region: true } });
    if (!account) throw NOT_FOUND(id);
    if (actor.scope.kind === 'national') return account;
    if (!account.region || !withinJurisdiction(actor.scope, account.region)) throw NOT_FOUND(id);
    if (!CREATABLE_ROLES[actor.role].includes(account.role as Role)) {
      throw new ApiException(403, 'account.not_manageable', { 'zh-CN': '您不能管理此账号。', en: 'You may not manage this account.' });
    }
    return account;
  }

  async update(id: string, input: AccountUpdateInput, actor: Actor): Promise<AccountSummary> {
    const account = await this.manageable(id, actor);
    if (account.id === actor.id && input.active === false) {
      throw new ApiException(409, 'account.cannot_deactivate_self', { 'zh-CN': '不能停用自己的账号。', en: 'You cannot deactivate your own account.' });
    }
    if (account.id === actor.id && input.password !== undefined) {
      throw new ApiException(409, 'account.use_password_change', {
        'zh-CN': '修改自己的密码请使用“修改密码”（需要当前密码）。',
        en: 'Change your own password with “change password” (it asks for the current one).',
      });
    }
    const role = input.role ?? (account.role as Role);
    const regionCode = input.regionCode !== undefined ? input.regionCode : account.regionCode;
    const moves = role !== account.role || regionCode !== account.regionCode;
    if (moves && account.id === actor.id) {
      throw new ApiException(409, 'account.cannot_move_self', { 'zh-CN': '不能更改自己的角色或单位。', en: 'You cannot change your own role or unit.' });
    }
    if (role !== account.role && !CREATABLE_ROLES[actor.role].includes(role)) throw roleNotCreatable(actor.role, role);
    const unit = moves ? await this.unitFor(role, regionCode, actor) : (account.region ?? null);
    const changes: Partial<AccountEntity> = {};
    const provinceCode = unit?.provinceCode ?? null;
    const entry = (action: AccountAuditRecord['action'], field?: string, from?: unknown, to?: unknown): AccountAuditRecord => ({
      actor,
      action,
      account,
      provinceCode,
      previousProvinceCode: action === 'unit-change' ? (account.region?.provinceCode ?? null) : null,
      changes: field ? [{ field, from, to }] : [],
    });
    const audit: AccountAuditRecord[] = [];
    if (input.displayName !== undefined && input.displayName !== account.displayName) {
      changes.displayName = input.displayName;
      audit.push(entry('rename', 'displayName', account.displayName, input.displayName));
    }
    if (input.active !== undefined && input.active !== account.active) {
      changes.active = input.active;
      audit.push(entry(input.active ? 'reactivate' : 'deactivate', 'active', account.active, input.active));
    }
    if (role !== account.role) {
      changes.role = role;
      audit.push(entry('role-change', 'role', account.role, role));
    }
    if (regionCode !== account.regionCode) {
      changes.regionCode = regionCode;
      audit.push(entry('unit-change', 'regionCode', account.regionCode, regionCode));
    }
    if (input.password !== undefined) {
      assertStrongPassword(input.password, account.username, 'body.password');
      Object.assign(changes, { passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(), passwordSetBy: actor.id });
      audit.push(entry('password-reset'));
    }
    // A reset, a deactivation or a move (its jurisdiction changes) ends every sign-in of the account.
    const endSessions = input.password !== undefined || changes.active === false || moves;
    if (Object.keys(changes).length) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(AccountEntity).update({ id }, changes);
        if (endSessions) await manager.getRepository(SessionEntity).update({ accountId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
        await appendAccountAudit(manager, audit);
      });
    }
    return toAccountSummary(await this.accounts.findOneByOrFail({ id }));
  }

  /**
   * Deactivates accounts on the operator's behalf (the demo accounts at a start that must not
   * offer them), ends their sign-ins and records why. Returns the usernames deactivated.
   */
  async deactivateByOperator(usernames: readonly string[], operator: AuditActor, note: AuditNote): Promise<string[]> {
    if (!usernames.length) return [];
    const rows = await this.accounts.find({ where: usernames.map((username) => ({ username, active: true })), relations: { region: true } });
    if (!rows.length) return [];
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows) {
        await manager.getRepository(AccountEntity).update({ id: row.id }, { active: false });
        await manager.getRepository(SessionEntity).update({ accountId: row.id, revokedAt: IsNull() }, { revokedAt: new Date() });
      }
      await appendAccountAudit(
        manager,
        rows.map((row) => ({ actor: operator, action: 'deactivate', account: row, provinceCode: row.region?.provinceCode ?? null, changes: [{ field: 'active', from: true, to: false }], note })),
      );
    });
    return rows.map((row) => row.username);
  }

  /**
   * Reactivates accounts on the operator's behalf (the demo accounts of a loopback-only trial),
   * recording why — only those this same operator deactivated last: an account an administrator
   * deactivated on purpose stays deactivated.
   */
  async reactivateByOperator(usernames: readonly string[], operator: AuditActor & { operator: string }, note: AuditNote): Promise<string[]> {
    if (!usernames.length) return [];
    const inactive = await this.accounts.find({ where: usernames.map((username) => ({ username, active: false })), relations: { region: true } });
    const rows: AccountEntity[] = [];
    for (const row of inactive) {
      const [last] = await this.dataSource.query<{ actor_id: string | null; actor_name: string }[]>(
        `SELECT actor_id, actor_name FROM account_audit WHERE account_id = $1 AND action = 'deactivate' ORDER BY at DESC, id DESC LIMIT 1`,
        [row.id],
      );
      if (last && last.actor_id === null && last.actor_name === `operator: ${operator.operator}`) rows.push(row);
    }
    if (!rows.length) return [];
    await this.dataSource.transaction(async (manager) => {
      for (const row of rows) await manager.getRepository(AccountEntity).update({ id: row.id }, { active: true });
      await appendAccountAudit(
        manager,
        rows.map((row) => ({ actor: operator, action: 'reactivate', account: row, provinceCode: row.region?.provinceCode ?? null, changes: [{ field: 'active', from: false, to: true }], note })),
      );
    });
    return rows.map((row) => row.username);
  }

  async exists(username: string): Promise<boolean> {
    return this.accounts.existsBy({ username });
  }
}

/** The whole password policy (length, username, product name, breached/common passwords), as field issues. */
export function assertStrongPassword(password: string, username: string, path: string): void {
  const problems = newPasswordProblems(password, username);
  if (problems.length) throw new ValidationApiException(problems.map((messages) => ({ path, code: 'account.weak_password', messages })));
}

function roleNotCreatable(actorRole: Role, role: Role): ApiException {
  return new ApiException(403, 'account.role_not_creatable', {
    'zh-CN': `${ROLE_LABELS[actorRole]['zh-CN']}不能创建“${ROLE_LABELS[role]['zh-CN']}”账号。`,
    en: `A ${ROLE_LABELS[actorRole].en.toLowerCase()} cannot create ${ROLE_LABELS[role].en.toLowerCase()} accounts.`,
  });
}

function usernameTaken(username: string): ApiException {
  return new ApiException(409, 'account.username_taken', { 'zh-CN': `用户名 ${username} 已被使用，请换一个。`, en: `The username ${username} is taken; choose another.` });
}

function unitHint(role: Role, unit: RegionEntity | null) {
  const label = ROLE_LABELS[role];
  const level = unit ? REGION_LEVEL_LABELS[unit.level as RegionLevel] : null;
  if (role === 'admin') {
    // Only reached with a unit: an administrator is bound to none.
    return {
      'zh-CN': `${label['zh-CN']}账号不绑定单位，请清空所属单位${unit ? `（当前为${unit.name}，${level!['zh-CN']}）` : ''}`,
      en: `A ${label.en.toLowerCase()} account is bound to no unit; clear the unit${unit ? ` (now ${unit.name}, ${level!.en.toLowerCase()})` : ''}`,
    };
  }
  const want = { province: '省级单位', prefecture: '地级单位或直辖市', district: '县级单位' }[role];
  const wantEn = { province: 'a province-level unit', prefecture: 'a prefecture-level unit or a municipality', district: 'a county-level unit' }[role];
  if (!unit) {
    return { 'zh-CN': `${label['zh-CN']}账号应绑定${want}，请选择所属单位`, en: `A ${label.en.toLowerCase()} account is bound to ${wantEn}; choose its unit` };
  }
  return {
    'zh-CN': `${label['zh-CN']}账号应绑定${want}，而${unit.name}是${level!['zh-CN']}单位`,
    en: `A ${label.en.toLowerCase()} account is bound to ${wantEn}; ${unit.name} is ${level!.en.toLowerCase()}`,
  };
}
