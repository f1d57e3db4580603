import { Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiException } from './api-exception.js';

/**
 * Every handler declares who may call it. For now there is one kind of declaration, `@Public`
 * with the reason the data is public; accounts and roles add theirs beside it. The global
 * `AccessGuard` refuses any handler that declares nothing, and a test lists every route and
 * fails when one has no declaration.
 */
export const ACCESS_METADATA = 'sitenet:access';

export interface AccessDeclaration {
  kind: 'public';
  reason: string;
}

export const Public = (reason: string) => SetMetadata(ACCESS_METADATA, { kind: 'public', reason } satisfies AccessDeclaration);

@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (declaration?.kind === 'public') return true;
    throw new ApiException(403, 'auth.undeclared', {
      'zh-CN': '此接口未声明访问权限，已拒绝。',
      en: 'This endpoint declares no access rule and is refused.',
    });
  }
}
