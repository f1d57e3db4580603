import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AccountSummary, LoginInput, PasswordChangeInput, Session } from '@sitenet/domain';
import { accountSchema, apiErrorSchema, loginSchema, passwordChangeSchema, sessionSchema, signInTooManySchema } from '@sitenet/domain/schemas';
import { AllowedBeforePasswordChange, CurrentActor, Public, SignedIn } from '../common/access.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { assertDemoSignInAllowed } from './demo-access.js';
import { AuthService } from './auth.service.js';
import type { Actor } from '../common/actor.js';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public('Signing in is how one becomes someone; attempts are rate-limited per account and address.')
  @ApiOperation({ summary: 'Sign in with username and password; returns a bearer token that expires' })
  @ApiOkResponse({ standardSchema: sessionSchema })
  @ApiUnauthorizedResponse({ standardSchema: apiErrorSchema })
  @ApiTooManyRequestsResponse({ standardSchema: signInTooManySchema })
  login(@Body({ schema: loginSchema }) body: LoginInput, @Req() request: Request): Promise<Session> {
    // Demo accounts (a public password) never sign in off a loopback-only trial (demo-access.ts).
    assertDemoSignInAllowed(this.config, body.username, { localAddress: request.socket.localAddress, headers: request.headers });
    return this.auth.login(body.username, body.password, request.ip ?? 'unknown');
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this sign-in (the token stops working)' })
  @ApiNoContentResponse()
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor.sessionId);
  }

  @Get('me')
  @SignedIn()
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who am I?' })
  @ApiOkResponse({ standardSchema: accountSchema })
  me(@CurrentActor() actor: Actor): AccountSummary {
    const { scope: _scope, sessionId: _session, requestId: _request, ...account } = actor;
    return account;
  }

  @Post('password')
  @HttpCode(204)
  @SignedIn()
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change your own password (other sign-ins of the account end)' })
  @ApiNoContentResponse()
  @ApiTooManyRequestsResponse({ standardSchema: signInTooManySchema, description: 'Too many wrong current passwords from this sign-in' })
  async changePassword(@CurrentActor() actor: Actor, @Body({ schema: passwordChangeSchema }) body: PasswordChangeInput): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }
}
