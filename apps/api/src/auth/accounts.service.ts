import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CREATABLE_ROLES, REGION_LEVEL_LABELS, ROLE_LABELS, passwordProblems, roleFitsUnit, type AccountSummary, type RegionLevel, type RegionType, type Role } from '@sitenet/domain';
import { ApiException, NotFoundApiException, ValidationApiException } from '../common/api-exception.js';
import { RegionEntity } from '../regions/region.entity.js';
import { AccountEntity } from './account.entity.js';
import { toAccountSummary } from './account.mapper.js';
import { withinJurisdiction, type Actor } from './jurisdiction.js';
import { hashPassword } from './passwords.js';

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
    if (!roleFitsUnit(input.role, unit ? { level: unit.level as RegionLevel, type: unit.type as RegionType } : null)) {
      throw new ValidationApiException([{ path: 'body.regionCode', code: 'account.unit_does_not_fit_role', messages: unitHint(input.role, unit) }]);
    }
    if (actor && unit && !withinJurisdiction(actor.scope, unit)) {
      throw new ValidationApiException([{ path: 'body.regionCode', code: 'account.outside_jurisdiction', messages: { 'zh-CN': '只能为本辖区内的单位创建账号', en: 'Accounts can only be created for units inside your jurisdiction' } }]);
    }
    const problems = passwordProblems(input.password, input.username);
    if (problems.length) {
      throw new ValidationApiException(problems.map((messages) => ({ path: 'body.password', code: 'account.weak_password', messages })));
    }
    if (await this.accounts.existsBy({ username: input.username })) {
      throw new ApiException(409, 'account.username_taken', { 'zh-CN': `用户名 ${input.username} 已被使用，请换一个。`, en: `The username ${input.username} is taken; choose another.` });
    }
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
    });
    await this.accounts.insert(entity);
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
    const changes: Partial<AccountEntity> = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.active !== undefined) changes.active = input.active;
    if (input.password !== undefined) {
      const problems = passwordProblems(input.password, account.username);
      if (problems.length) throw new ValidationApiException(problems.map((messages) => ({ path: 'body.password', code: 'account.weak_password', messages })));
      Object.assign(changes, { passwordHash: await hashPassword(input.password), passwordChangedAt: new Date() });
    }
    if (Object.keys(changes).length) await this.accounts.update({ id }, changes);
    return toAccountSummary(await this.accounts.findOneByOrFail({ id }));
  }

  async exists(username: string): Promise<boolean> {
    return this.accounts.existsBy({ username });
  }
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
