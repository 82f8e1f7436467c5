import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../common/auth/roles.decorator';
import { ErrorResponseDto } from '../../common/http/error-response.dto';
import { IdParam } from '../../common/http/resource-routes';
import { SerialIdParamPipe } from '../../common/http/serial-id-param.pipe';
import { AppConfig } from '../../config/app-config';
import { Audit } from '../audit/http/audit.decorator';
import { ContactPointsService } from './contact-points/contact-points.service';
import { AlertEvaluator } from './evaluation/alert-evaluator';
import { worstState } from './evaluation/instance-state';
import type { InstanceRecord } from './evaluation/rule-evaluation';
import { AlertHistoryService } from './history/alert-history.service';
import {
  AlertHistoryPageDto,
  AlertHistoryQueryDto,
  DeliveryPageDto,
  DeliveryQueryDto,
  TestDeliveryResultDto,
} from './history/dto/history.dto';
import { fingerprintOf } from './notifications/alert-message';
import { TestNotifications } from './notifications/test-notifications';
import { prometheusRuleFile } from './prometheus/prometheus-rules';
import type { AlertRule } from './rules/alert-rule';
import { AlertRulesService, draftOf } from './rules/alert-rules.service';
import type { StoredRule } from './rules/alert-rules.store';
import { AlertRuleInputDto } from './rules/dto/alert-rule-input.dto';
import {
  AlertInstanceDto,
  AlertPreviewDto,
  AlertRuleDetailDto,
  AlertRuleDto,
} from './rules/dto/alert-rule.dto';

const iso = (date: Date | null) => date?.toISOString() ?? null;

function ruleDtoOf(rule: StoredRule): AlertRuleDto {
  return {
    id: rule.id,
    name: rule.name,
    description: rule.description,
    severity: rule.severity,
    labels: rule.labels,
    annotations: rule.annotations,
    enabled: rule.enabled,
    metricType: rule.metricType,
    filters: rule.filters,
    groupBy: rule.groupBy,
    operator: rule.operator,
    threshold: rule.threshold,
    windowSeconds: rule.windowSeconds,
    intervalSeconds: rule.intervalSeconds,
    pendingSeconds: rule.pendingSeconds,
    keepFiringSeconds: rule.keepFiringSeconds,
    noDataState: rule.noDataState,
    notification: rule.notification,
    state: rule.state,
    lastEvaluatedAt: iso(rule.lastEvaluatedAt),
    lastError: rule.lastError,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}

function instanceDtoOf(ruleId: string, instance: InstanceRecord): AlertInstanceDto {
  return {
    key: instance.key,
    fingerprint: fingerprintOf(ruleId, instance.key),
    labels: instance.labels,
    state: instance.state,
    value: instance.value,
    activeSince: iso(instance.activeSince),
    firingSince: iso(instance.firingSince),
    error: instance.error,
  };
}

const notFound = () =>
  ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No alert rule with this ID' });
const invalid = () =>
  ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'Malformed or impossible rule: `details` names each field and what is wrong',
  });

// Every route under /monitoring/alerts would otherwise be `monitoring.alerts` in the action
// log (the first static segment after the resource names the action): routes say their own.
@ApiTags('alerts (admin)')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto, description: 'Not an admin' })
@Roles('admin')
@Audit({ resourceType: 'alert_rule', category: 'settings' })
@Controller('monitoring/alerts')
export class AlertsController {
  constructor(
    private readonly rules: AlertRulesService,
    private readonly evaluator: AlertEvaluator,
    private readonly history: AlertHistoryService,
    private readonly tests: TestNotifications,
    private readonly contactPoints: ContactPointsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Alert rules, by name, each with its current state' })
  @ApiOkResponse({ type: [AlertRuleDto] })
  async list(): Promise<AlertRuleDto[]> {
    return (await this.rules.list()).map(ruleDtoOf);
  }

  @Post()
  @Audit({ action: 'alert_rule.create', message: 'Created an alert rule' })
  @ApiOperation({
    summary: 'Create an alert rule',
    description:
      'Checked as a whole: filters and grouping its metric cannot honour, a window shorter ' +
      'than the interval, an unknown route or an unusable contact point are refused with ' +
      'field-level messages.',
  })
  @ApiCreatedResponse({ type: AlertRuleDto })
  @invalid()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A rule with this name exists' })
  async create(@Body() body: AlertRuleInputDto): Promise<AlertRuleDto> {
    return ruleDtoOf(await this.rules.create(body));
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @Audit({ recorded: false })
  @ApiOperation({
    summary: 'Evaluate a rule that is not saved yet, now',
    description: 'For the rule form: value, state and instances; nothing is stored or sent.',
  })
  @ApiOkResponse({ type: AlertPreviewDto })
  @invalid()
  async previewDraft(@Body() body: AlertRuleInputDto): Promise<AlertPreviewDto> {
    const draft = draftOf(body);
    await this.rules.check(draft);
    return this.preview({ ...draft, id: '00000000-0000-4000-8000-000000000000' });
  }

  @Get('history')
  @ApiOperation({
    summary: 'State changes of alert instances, newest first',
    description: 'Filter by rule, by the state changed into, and by time.',
  })
  @ApiOkResponse({ type: AlertHistoryPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  historyPage(@Query() query: AlertHistoryQueryDto): Promise<AlertHistoryPageDto> {
    return this.history.history(query);
  }

  @Get('history/:id/deliveries')
  @ApiOperation({ summary: 'The deliveries that reported a state change' })
  @ApiParam({
    name: 'id',
    schema: { type: 'string', pattern: '^[1-9][0-9]{0,17}$', maxLength: 18 },
    description: 'History entry',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No history entry with this ID' })
  deliveriesOfEntry(
    @Param('id', SerialIdParamPipe) id: string,
    @Query() query: DeliveryQueryDto,
  ): Promise<DeliveryPageDto> {
    return this.history.deliveriesOfEntry(id, query);
  }

  @Get('deliveries')
  @ApiOperation({
    summary: 'Notification deliveries, newest first',
    description: 'Each is one notification to one recipient, with its attempts and outcome.',
  })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  deliveries(@Query() query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.history.listDeliveries(query);
  }

  @Get('prometheus-rules')
  @Header('Content-Type', 'application/yaml; charset=utf-8')
  @ApiOperation({
    summary: 'The enabled rules as a Prometheus rule file',
    description:
      'Rules PromQL can express over this API’s own `/metrics` series, for teams evaluating ' +
      'in their own Prometheus and Alertmanager (`promtool check rules` accepts it). Rules it ' +
      'cannot express are listed in a comment with the reason.',
  })
  @ApiOkResponse({
    description: 'A Prometheus rule file',
    content: { 'application/yaml': { schema: { type: 'string' } } },
  })
  async prometheusRules(): Promise<string> {
    return prometheusRuleFile(await this.rules.list(), {
      generatedAt: new Date(),
      publicUrl: this.config.PUBLIC_URL,
    });
  }

  @Post('contact-points/:id/test')
  @HttpCode(HttpStatus.OK)
  @Audit({
    resourceType: 'contact_point',
    action: 'contact_point.test',
    message: 'Tested a contact point',
  })
  @ApiOperation({
    summary: 'Send a test notification through a contact point now',
    description: 'One attempt per recipient, recorded as a delivery of kind `test`.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: [TestDeliveryResultDto] })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No contact point with this ID' })
  async testContactPoint(@IdParam() id: string): Promise<TestDeliveryResultDto[]> {
    return this.tests.forContactPoint(await this.contactPoints.get(id));
  }

  @Get(':id')
  @ApiOperation({ summary: 'An alert rule with its current state and instances' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AlertRuleDetailDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @notFound()
  async get(@IdParam() id: string): Promise<AlertRuleDetailDto> {
    const rule = await this.rules.get(id);
    const instances = await this.rules.instancesOf(id);
    return {
      ...ruleDtoOf(rule),
      instances: instances.map((instance) => instanceDtoOf(id, instance)),
    };
  }

  @Put(':id')
  @Audit({ action: 'alert_rule.update', message: 'Updated an alert rule' })
  @ApiOperation({ summary: 'Replace an alert rule', description: 'Checked as on create.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AlertRuleDto })
  @invalid()
  @notFound()
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A rule with this name exists' })
  async replace(@IdParam() id: string, @Body() body: AlertRuleInputDto): Promise<AlertRuleDto> {
    return ruleDtoOf(await this.rules.replace(id, body));
  }

  @Delete(':id')
  @Audit({ action: 'alert_rule.delete', message: 'Deleted an alert rule' })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete an alert rule',
    description: 'A soft delete: it stops being evaluated; what it had notified resolves.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @notFound()
  remove(@IdParam() id: string): Promise<void> {
    return this.rules.remove(id);
  }

  @Post(':id/preview')
  @HttpCode(HttpStatus.OK)
  @Audit({ recorded: false })
  @ApiOperation({
    summary: 'Evaluate a saved rule now, without notifying',
    description: 'Value, state and instances as the next evaluation would find them.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AlertPreviewDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @notFound()
  async previewSaved(@IdParam() id: string): Promise<AlertPreviewDto> {
    return this.preview(await this.rules.get(id));
  }

  @Post(':id/test')
  @HttpCode(HttpStatus.OK)
  @Audit({ action: 'alert_rule.test', message: 'Sent test notifications of an alert rule' })
  @ApiOperation({
    summary: 'Send a test notification through each of the rule’s contact points now',
    description: 'Answers each one’s result; recorded as deliveries of kind `test`.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: [TestDeliveryResultDto] })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @notFound()
  async test(@IdParam() id: string): Promise<TestDeliveryResultDto[]> {
    return this.tests.forRule(await this.rules.get(id));
  }

  private async preview(rule: AlertRule): Promise<AlertPreviewDto> {
    const now = new Date();
    const { instances, error } = await this.evaluator.preview(rule, now);
    return {
      state: worstState(instances.map((instance) => instance.state)),
      instances: instances.map((instance) => instanceDtoOf(rule.id, instance)),
      error,
      evaluatedAt: now.toISOString(),
    };
  }
}
