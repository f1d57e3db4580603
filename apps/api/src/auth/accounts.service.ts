import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { IsNull, type DataSource, type Repository } from 'typeorm';
import { CREATABLE_ROLES, REGION_LEVEL_LABELS, ROLE_LABELS, passwordProblems, roleFitsUnit, type AccountSummary, type RegionLevel, type RegionType, type Role } from '@sitenet/domain';
import { ApiException, NotFoundApiException, ValidationApiException } from '../common/api-exception.js';
import { RegionEntity } from '../regions/region.entity.js';
import { AccountEntity } from './account.entity.js';
import { toAccountSummary } from './account.mapper.js';
import { withinJurisdiction, type Actor } from './jurisdiction.js';
import { hashPassword } from './passwords.js';
import { SessionEntity } from './session.entity.js';

export interface AccountCreateInput {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  password: string;
}

export interface AccountUpdateInput {
  displayName?: string;
  active?: boolean;
  password?: string;
}

const NOT_FOUND = (id: string) => new NotFoundApiException('account.not_found', { 'zh-CN': `没有编号为 ${id} 的账号。`, en: `There is no account with id ${id}.` });

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
  ) {}

  /** Creates an account: by an actor inside its jurisdiction, or by the operator (actor null: the CLI, the demo seed). */
  async create(input: AccountCreateInput, actor: Actor | null): Promise<AccountSummary> {
    if (actor && !CREATABLE_ROLES[actor.role].includes(input.role)) {
      throw new ApiException(403, 'account.role_not_creatable', {
        'zh-CN': `${ROLE_LABELS[actor.role]['zh-CN']}不能创建“${ROLE_LABELS[input.role]['zh-CN']}”账号。`,
        en: `A ${ROLE_LABELS[actor.role].en.toLowerCase()} cannot create ${ROLE_LABELS[input.role].en.toLowerCase()} accounts.`,
      });
    }
    const unit = input.regionCode ? await this.regions.findOneBy({ code: input.regionCode }) : null;
    if (input.regionCode && !unit) {
      throw new ValidationApiException([{ path: 'body.regionCode', code: 'region.unknown', messages: { 'zh-CN': `没有代码为 ${input.regionCode} 的行政区划`, en: `There is no administrative division with code ${input.regionCode}` } }]);
    }
    const hasCounties = unit?.level === 2 ? await this.regions.existsBy({ parentCode: unit.code, level: 3 }) : undefined;
    if (!roleFitsUnit(input.role, unit ? { level: unit.level as RegionLevel, type: unit.type as RegionType, hasCounties } : null)) {
      throw new ValidationApiException([{ path: 'body.regionCode', code: 'account.unit_does_not_fit_role', messages: unitHint(input.role, unit) }]);
    }
    if (actor && unit && !withinJurisdiction(actor.scope, unit)) {
      throw new ValidationApiException([{ path: 'body.regionCode', code: 'account.outside_jurisdiction', messages: { 'zh-CN': '只能为本辖区内的单位创建账号', en: 'Accounts can only be created for units inside your jurisdiction' } }]);
    }
    const problems = passwordProblems(input.password, input.username);
    if (problems.length) {
      throw new ValidationApiException(problems.map((messages) => ({ path: 'body.password', code: 'account.weak_password', messages })));
    }
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
      await this.accounts.insert(entity);
    } catch (error) {
      // Two creations of the same name at once: the unique index decides, and the loser hears 409.
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23505') throw usernameTaken(input.username);
      throw error;
    }
    return toAccountSummary(entity);
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
    const changes: Partial<AccountEntity> = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.active !== undefined) changes.active = input.active;
    if (input.password !== undefined) {
      const problems = passwordProblems(input.password, account.username);
      if (problems.length) throw new ValidationApiException(problems.map((messages) => ({ path: 'body.password', code: 'account.weak_password', messages })));
      Object.assign(changes, { passwordHash: await hashPassword(input.password), passwordChangedAt: new Date(), passwordSetBy: actor.id });
    }
    const endSessions = input.password !== undefined || input.active === false;
    if (Object.keys(changes).length) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(AccountEntity).update({ id }, changes);
        // A reset or a deactivation ends every sign-in of the account.
        if (endSessions) await manager.getRepository(SessionEntity).update({ accountId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
      });
    }
    return toAccountSummary(await this.accounts.findOneByOrFail({ id }));
  }

  async exists(username: string): Promise<boolean> {
    return this.accounts.existsBy({ username });
  }
}

function usernameTaken(username: string): ApiException {
  return new ApiException(409, 'account.username_taken', { 'zh-CN': `用户名 ${username} 已被使用，请换一个。`, en: `The username ${username} is taken; choose another.` });
}

function unitHint(role: Role, unit: RegionEntity | null) {
  const want = { admin: '不绑定单位', province: '省级单位', prefecture: '地级单位或直辖市', district: '县级单位' }[role];
  const wantEn = { admin: 'no unit', province: 'a province-level unit', prefecture: 'a prefecture-level unit or a municipality', district: 'a county-level unit' }[role];
  const got = unit ? `${unit.name}（${REGION_LEVEL_LABELS[unit.level as RegionLevel]['zh-CN']}）` : '无';
  return {
    'zh-CN': `${ROLE_LABELS[role]['zh-CN']}账号应绑定${want}，而不是${got}`,
    en: `A ${ROLE_LABELS[role].en.toLowerCase()} account is bound to ${wantEn}, not ${unit ? unit.name : 'none'}`,
  };
}
