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
import { Audit } from '../audit';
import { ContactPointsService } from './contact-points/contact-points.service';
import { AlertEvaluator } from './evaluation/alert-evaluator';
import { worstState } from './evaluation/instance-state';
import type { InstanceRecord } from './evaluation/rule-evaluation';
import { RuleSeries, SeriesPoint, seriesRange } from './evaluation/rule-series';
import { worstValue } from './evaluation/worst-value';
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
import {
  AlertPreviewQueryDto,
  AlertSeriesDto,
  AlertSeriesPointDto,
  AlertSeriesQueryDto,
  SERIES_DEFAULTS,
} from './rules/dto/alert-series.dto';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A rule with its value as last evaluated, from its instances then. */
function ruleDtoOf(rule: StoredRule, instances: readonly InstanceRecord[]): AlertRuleDto {
  const values = instances.map((instance) => instance.value);
  const value = rule.lastEvaluatedAt === null ? null : worstValue(rule.operator, values);
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
    value,
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

const pointDtoOf = ({ at, value }: SeriesPoint): AlertSeriesPointDto => ({
  at: at.toISOString(),
  value,
});

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
    private readonly series: RuleSeries,
    private readonly history: AlertHistoryService,
    private readonly tests: TestNotifications,
    private readonly contactPoints: ContactPointsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Alert rules, by name, each with its current state and value' })
  @ApiOkResponse({ type: [AlertRuleDto] })
  async list(): Promise<AlertRuleDto[]> {
    const rules = await this.rules.list();
    const instances = await this.rules.instancesOfRules(rules.map((rule) => rule.id));
    return rules.map((rule) => ruleDtoOf(rule, instances.get(rule.id) ?? []));
  }

  @Get('series')
  @ApiOperation({
    summary: 'What every rule measured over the last hours, for charts',
    description:
      'Each rule (disabled ones too) measured at `points` instants up to now, each over its own ' +
      'window as an evaluation then would have measured it; each value is the worst instance’s ' +
      '(the least for `<` and `<=`, else the greatest), null when no instance had data.',
  })
  @ApiOkResponse({ type: AlertSeriesDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async seriesOfRules(@Query() query: AlertSeriesQueryDto): Promise<AlertSeriesDto> {
    const rules = await this.rules.list();
    const range = seriesRange(new Date(), query.hours, query.points);
    const measured = await this.series.measure(rules, range.instants);
    return {
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      stepSeconds: range.stepSeconds,
      rules: rules.map((rule) => ({
        ruleId: rule.id,
        points: (measured.get(rule.id) ?? []).map(pointDtoOf),
      })),
    };
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
    return ruleDtoOf(await this.rules.create(body), []);
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @Audit({ recorded: false })
  @ApiOperation({
    summary: 'Evaluate a rule that is not saved yet, now',
    description:
      'For the rule form: value, state and instances, and the series of the last `hours`; ' +
      'nothing is stored or sent.',
  })
  @ApiOkResponse({ type: AlertPreviewDto })
  @invalid()
  async previewDraft(
    @Body() body: AlertRuleInputDto,
    @Query() query: AlertPreviewQueryDto,
  ): Promise<AlertPreviewDto> {
    const draft = draftOf(body);
    await this.rules.check(draft);
    return this.preview({ ...draft, id: '00000000-0000-4000-8000-000000000000' }, query.hours);
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
    resourceType: 'alert_contact_point',
    action: 'alert_contact_point.test',
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
      ...ruleDtoOf(rule, instances),
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
    const rule = await this.rules.replace(id, body);
    return ruleDtoOf(rule, await this.rules.instancesOf(id));
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
    description:
      'Value, state and instances as the next evaluation would find them, and the series of ' +
      'the last `hours`.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AlertPreviewDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @notFound()
  async previewSaved(
    @IdParam() id: string,
    @Query() query: AlertPreviewQueryDto,
  ): Promise<AlertPreviewDto> {
    return this.preview(await this.rules.get(id), query.hours);
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

  /** The rule now, and its series up to now (not read when its query fails now). */
  private async preview(rule: AlertRule, hours: number): Promise<AlertPreviewDto> {
    const now = new Date();
    const { instances, error } = await this.evaluator.preview(rule, now);
    const { instants } = seriesRange(now, hours, SERIES_DEFAULTS.points);
    const series = error
      ? instants.map((at) => ({ at, value: null }))
      : ((await this.series.measure([rule], instants)).get(rule.id) ?? []);
    return {
      state: worstState(instances.map((instance) => instance.state)),
      instances: instances.map((instance) => instanceDtoOf(rule.id, instance)),
      error,
      evaluatedAt: now.toISOString(),
      series: series.map(pointDtoOf),
    };
  }
}
