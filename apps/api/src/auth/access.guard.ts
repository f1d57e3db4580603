import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ACCESS_METADATA, PASSWORD_CHANGE_EXEMPT, type AccessDeclaration } from '../common/access.js';
import { ApiException } from '../common/api-exception.js';
import { AuthService } from './auth.service.js';
import type { Actor } from '../common/actor.js';

/**
 * The one place access is decided: the handler's declaration, the bearer token's account, its
 * role. Jurisdiction (which records) is applied by the services from `request.actor.scope`.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!declaration) {
      throw new ApiException(403, 'auth.undeclared', { 'zh-CN': '此接口未声明访问权限，已拒绝。', en: 'This endpoint declares no access rule and is refused.' });
    }
    if (declaration.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const actor = token ? await this.auth.authenticate(token, { localAddress: request.socket?.localAddress, headers: request.headers }) : null;
    if (!actor) {
      throw new ApiException(401, 'auth.required', { 'zh-CN': '请先登录，或登录已过期，请重新登录。', en: 'Please sign in; your session may have expired.' });
    }
    if (declaration.roles !== 'any' && !declaration.roles.includes(actor.role)) {
      throw new ApiException(403, 'auth.forbidden', { 'zh-CN': '您的角色不能执行此操作。', en: 'Your role may not do this.' });
    }
    // Someone else set this account's password (creation, reset): until its holder chooses their
    // own, the account can do nothing but that — nobody acts through an account whose password they know.
    if (actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean | undefined>(PASSWORD_CHANGE_EXEMPT, [context.getHandler(), context.getClass()])) {
      throw new ApiException(403, 'auth.password_change_required', {
        'zh-CN': '此账号的密码由他人设置，请先修改为只有您知道的密码，然后才能继续操作。',
        en: 'Someone else set this account’s password: change it to one only you know before doing anything else.',
      });
    }
    request.actor = { ...actor, requestId: typeof (request as { id?: unknown }).id === 'string' ? (request as { id?: string }).id : undefined };
    return true;
  }
}
