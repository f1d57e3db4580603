import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AccountEntity } from '../auth/account.entity.js';
import { SITE_ACTION_LABELS, SITE_STATUS_LABELS, diffFields, mayPerform, nextStatus, type Site, type SiteAction, type SiteStatus, type StaleVersionDetails } from '@sitenet/domain';
import { ApiException } from '../common/api-exception.js';
import type { Actor } from '../common/actor.js';
import { editableColumns, editableFields, toSite } from '../sites/site.mapper.js';
import type { SiteEntity } from '../sites/site.entity.js';
import { SitesService } from '../sites/sites.service.js';

/**
 * The review workflow's transitions: who may, from which state, with which reason; a change
 * request on a published site is approved or returned by the same two actions. Nobody approves
 * what they submitted themselves.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly sites: SitesService,
    @InjectRepository(AccountEntity) private readonly accounts: Repository<AccountEntity>,
  ) {}

  /**
   * One workflow action on the version of the site the actor saw: if the site has changed since
   * (before this request, or by a write that wins the race with it), nothing is done and the
   * answer is a 409 `review.stale_version` listing what changed.
   */
  async act(id: string, action: SiteAction, actor: Actor, seenVersion: number, reason: string | null = null): Promise<Site> {
    const site = await this.sites.findVisible(id, actor.scope);
    if (!mayPerform(actor.role, action)) {
      throw new ApiException(403, 'review.role_may_not', {
        'zh-CN': `您的角色不能执行“${SITE_ACTION_LABELS[action]['zh-CN']}”。`,
        en: `Your role may not do this: ${SITE_ACTION_LABELS[action].en.toLowerCase()}.`,
      });
    }
    if (site.version !== seenVersion) throw await this.stale(site, action, seenVersion);
    try {
      return await this.perform(site, action, actor, reason);
    } catch (error) {
      if (error instanceof ApiException && error.code === 'site.version_conflict') {
        throw await this.stale(await this.sites.findVisible(id, actor.scope), action, seenVersion);
      }
      throw error;
    }
  }

  private async perform(site: SiteEntity, action: SiteAction, actor: Actor, reason: string | null): Promise<Site> {
    const pending = site.pendingChange;
    if ((action === 'approve' || action === 'return') && site.status === 'approved' && pending?.status === 'submitted') {
      return this.decideChange(site, action, actor, reason);
    }
    const to = nextStatus(site.status as SiteStatus, action);
    if (!to) throw illegal(site, action);
    if (action === 'approve') await this.assertIndependent(site.submittedBy, actor);
    // Only whoever submitted withdraws, and only while nobody has reviewed it (a review leaves 'submitted': 409 above).
    if (action === 'withdraw' && site.submittedBy !== actor.id) throw notTheSubmitter();
    const values: Partial<SiteEntity> = { status: to };
    if (action === 'withdraw') values.submittedBy = null;
    if (action === 'submit') {
      await this.sites.assertSubmittable(site);
      values.submittedBy = actor.id;
    }
    if (action === 'approve' && !site.approvedAt) values.approvedAt = new Date();
    return this.sites.transition(site, actor, action, values, { from: site.status, to, reason });
  }

  /**
   * Nobody approves what they submitted — nor what was submitted through an account whose
   * password they set (they created it or reset it, and its holder has not changed it since).
   */
  private async assertIndependent(submitterId: string | null, actor: Actor): Promise<void> {
    if (!submitterId) return;
    if (submitterId === actor.id) throw selfApproval();
    const submitter = await this.accounts.findOneBy({ id: submitterId });
    if (submitter?.passwordSetBy === actor.id) {
      throw new ApiException(403, 'review.proxy_approval', {
        'zh-CN': '提交人账号的当前密码由您设置，您不能审核其提交。请该账号持有人先修改自己的密码，或由其他审核人员审核。',
        en: 'You set the current password of the account that submitted this, so you cannot approve it. Its holder must change their password first, or another reviewer must approve.',
      });
    }
  }

  private async decideChange(site: SiteEntity, action: 'approve' | 'return', actor: Actor, reason: string | null): Promise<Site> {
    const pending = site.pendingChange!;
    const changes = diffFields(editableFields(site), pending.fields);
    if (action === 'return') {
      return this.sites.transition(site, actor, 'return-change', { pendingChange: { ...pending, status: 'returned', reason } }, { from: site.status, to: site.status, reason, changes });
    }
    await this.assertIndependent(pending.proposedBy, actor);
    return this.sites.transition(
      site,
      actor,
      'approve-change',
      { ...editableColumns(pending.fields), ...pending.units, pendingChange: null },
      { from: site.status, to: site.status, changes },
    );
  }

  private async stale(current: SiteEntity, action: SiteAction, seenVersion: number): Promise<ApiException> {
    const { changes, known } = await this.sites.changesSince(current, seenVersion);
    const label = SITE_ACTION_LABELS[action];
    const details: StaleVersionDetails = { seenVersion, current: toSite(current), changes, changesKnown: known };
    const count = known && changes.length ? changes.length : 0;
    return new ApiException(
      409,
      'review.stale_version',
      {
        'zh-CN':
          `“${label['zh-CN']}”未执行：网点在您查看之后已被修改（您看到的是第 ${seenVersion} 版，现为第 ${current.version} 版${count ? `，有 ${count} 处变化` : ''}）。` +
          '请重新载入，看过最新内容后再决定。',
        en:
          `Nothing was done: the site changed after you opened it (you saw version ${seenVersion}, it is now version ${current.version}${count ? `; ${count} change(s)` : ''}). ` +
          'Reload it, read the current content and decide again.',
      },
      undefined,
      { ...details },
    );
  }
}

function illegal(site: SiteEntity, action: SiteAction): ApiException {
  const status = site.status as SiteStatus;
  return new ApiException(
    409,
    'review.illegal_transition',
    {
      'zh-CN': `网点当前状态为“${SITE_STATUS_LABELS[status]['zh-CN']}”，不能执行“${SITE_ACTION_LABELS[action]['zh-CN']}”。`,
      en: `The site is ${SITE_STATUS_LABELS[status].en.toLowerCase()}; it cannot be ${SITE_ACTION_LABELS[action].en.toLowerCase()} from there.`,
    },
    undefined,
    { status },
  );
}

function notTheSubmitter(): ApiException {
  return new ApiException(403, 'review.not_submitter', {
    'zh-CN': '只有提交人可以撤回这次提交。',
    en: 'Only the person who submitted it may withdraw this submission.',
  });
}

function selfApproval(): ApiException {
  return new ApiException(403, 'review.self_approval', {
    'zh-CN': '不能审核通过自己提交的内容，请由其他审核人员审核。',
    en: 'You cannot approve what you submitted yourself; another reviewer must.',
  });
}
