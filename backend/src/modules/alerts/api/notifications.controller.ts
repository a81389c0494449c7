import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  Role,
  ROUTES,
  type MarkReadResult,
  type NotificationDto,
  type NotificationPreferencesDto,
  type Page,
  type UnreadCountDto,
} from '@legeai/contracts';
import { CurrentPrincipal } from '../../../common/auth/current-principal.decorator';
import { Principal } from '../../../common/auth/principal';
import { Roles } from '../../../common/auth/roles.decorator';
import { ApiErrorResponses } from '../../../common/swagger/api-error-responses.decorator';
import { NotificationPreferencesService } from '../notifications/notification-preferences.service';
import { NotificationsService } from '../notifications/notifications.service';
import { NotificationListQueryDto, UpdateNotificationPreferencesBody } from './dto/alerts-requests.dto';
import {
  MarkReadResponse,
  NotificationPageResponse,
  NotificationPreferencesResponse,
  NotificationResponse,
  UnreadCountResponse,
} from './dto/alerts-responses.dto';

/** The signed-in user's notification centre and preferences, in the organisation of the request. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Get(ROUTES.notifications)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'listNotifications', summary: "The user's notifications, newest first" })
  @ApiOkResponse({ type: NotificationPageResponse })
  @ApiErrorResponses(400, 401, 403)
  list(@CurrentPrincipal() principal: Principal, @Query() query: NotificationListQueryDto): Promise<Page<NotificationDto>> {
    return this.notifications.list(principal, query);
  }

  @Get(`${ROUTES.notifications}/${ROUTES.notificationsUnreadCount}`)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'countUnreadNotifications', summary: "How many of the user's notifications are unread (the bell)" })
  @ApiOkResponse({ type: UnreadCountResponse })
  @ApiErrorResponses(401, 403)
  unreadCount(@CurrentPrincipal() principal: Principal): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(principal);
  }

  @Post(`${ROUTES.notifications}/${ROUTES.notificationsReadAll}`)
  @HttpCode(200)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'markAllNotificationsRead', summary: "Marks every one of the user's notifications read" })
  @ApiOkResponse({ type: MarkReadResponse })
  @ApiErrorResponses(401, 403)
  markAllRead(@CurrentPrincipal() principal: Principal): Promise<MarkReadResult> {
    return this.notifications.markAllRead(principal);
  }

  @Post(`${ROUTES.notifications}/:id/${ROUTES.notificationRead}`)
  @HttpCode(200)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'markNotificationRead', summary: 'Marks one notification read' })
  @ApiOkResponse({ type: NotificationResponse })
  @ApiErrorResponses(400, 401, 403, 404)
  markRead(@CurrentPrincipal() principal: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<NotificationDto> {
    return this.notifications.markRead(principal, id);
  }

  @Get(ROUTES.notificationPreferences)
  @Roles(Role.Viewer)
  @ApiOperation({
    operationId: 'getNotificationPreferences',
    summary: "The user's channels per event (their role's defaults until they choose) and new-lead notices",
  })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiErrorResponses(401, 403)
  getPreferences(@CurrentPrincipal() principal: Principal): Promise<NotificationPreferencesDto> {
    return this.preferences.get(principal);
  }

  @Put(ROUTES.notificationPreferences)
  @Roles(Role.Viewer)
  @ApiOperation({ operationId: 'updateNotificationPreferences', summary: 'Sets channels per event and how new leads are told' })
  @ApiOkResponse({ type: NotificationPreferencesResponse })
  @ApiErrorResponses(400, 401, 403)
  updatePreferences(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateNotificationPreferencesBody,
  ): Promise<NotificationPreferencesDto> {
    return this.preferences.update(principal, body);
  }
}
