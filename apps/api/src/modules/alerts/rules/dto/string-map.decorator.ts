import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, ValidateBy, ValidationArguments } from 'class-validator';

/** Prometheus label names: what Alertmanager receivers and PromQL accept. */
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

interface StringMapOptions {
  description: string;
  example: Record<string, string>;
  maxEntries: number;
  maxValueLength: number;
}

function problemOf(value: unknown, options: StringMapOptions): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'must be an object of names to texts';
  }
  const entries = Object.entries(value);
  if (entries.length > options.maxEntries) return `may have at most ${options.maxEntries} entries`;
  for (const [name, text] of entries) {
    if (!LABEL_NAME.test(name) || name.length > 100) {
      return `"${name.slice(0, 100)}" is not a valid name: use letters, digits and _ (not first a digit)`;
    }
    if (typeof text !== 'string') return `"${name}" must be a text`;
    if (text.length > options.maxValueLength) {
      return `"${name}" may be at most ${options.maxValueLength} characters`;
    }
  }
  return undefined;
}

/** An optional object of label-style names to texts (labels, annotations), checked and documented. */
export function OptionalStringMap(options: StringMapOptions): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'object',
      additionalProperties: { type: 'string', maxLength: options.maxValueLength },
      maxProperties: options.maxEntries,
      description: options.description,
      example: options.example,
    }),
    IsOptional(),
    ValidateBy({
      name: 'stringMap',
      validator: {
        validate: (value: unknown) => problemOf(value, options) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} ${problemOf(args?.value, options) ?? 'is invalid'}`,
      },
    }),
  );
}
