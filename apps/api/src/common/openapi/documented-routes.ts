import { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject, OperationObject } from '@nestjs/swagger';
import { operationsOf } from './operations';

/** A controller method that answers HTTP requests, as the metadata on its class and function says. */
export interface RouteHandler {
  controller: Type<unknown>;
  handler: (...args: unknown[]) => unknown;
  methodName: string;
}

function routeHandlersOf(controller: Type<unknown>): RouteHandler[] {
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype)
    .filter((methodName) => methodName !== 'constructor')
    .map((methodName) => ({ methodName, handler: prototype[methodName] }))
    .filter(
      (entry): entry is { methodName: string; handler: (...args: unknown[]) => unknown } =>
        typeof entry.handler === 'function' &&
        Reflect.getMetadata(PATH_METADATA, entry.handler) !== undefined &&
        Reflect.getMetadata(METHOD_METADATA, entry.handler) !== undefined,
    )
    .map((entry) => ({ controller, ...entry }));
}

/**
 * Every route handler of the app, keyed like Swagger's default operation IDs
 * (`Controller_method`, before any `_v1` version suffix), so a step that completes the
 * document can read the metadata (guards, roles, pipes, DTO classes) behind each operation.
 */
export function routeHandlersByOperation(app: INestApplication): Map<string, RouteHandler> {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const handlers = new Map<string, RouteHandler>();
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as Type<unknown> | undefined;
    if (!controller) continue;
    for (const route of routeHandlersOf(controller)) {
      handlers.set(`${controller.name}_${route.methodName}`, route);
    }
  }
  return handlers;
}

/** Every operation of the document with the handler behind it, where one is found. */
export function routedOperationsOf(
  document: OpenAPIObject,
  handlers: Map<string, RouteHandler>,
): { operation: OperationObject; route?: RouteHandler }[] {
  return operationsOf(document).map(({ operation }) => ({
    operation,
    route: operation.operationId ? routeHandlerOf(handlers, operation.operationId) : undefined,
  }));
}

/** The handler behind an operation ID such as `BudgetsController_history_v1`. */
function routeHandlerOf(
  handlers: Map<string, RouteHandler>,
  operationId: string,
): RouteHandler | undefined {
  return handlers.get(operationId) ?? handlers.get(operationId.replace(/_v[^_]+$/, ''));
}
