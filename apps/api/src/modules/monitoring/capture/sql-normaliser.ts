import type { QueryKind } from '@ledgerlens/contracts';
import { compactSql } from '../../../database/sql-logger';

const LEADING_COMMENTS = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*/;
const KINDS: Partial<Record<string, QueryKind>> = {
  SELECT: 'SELECT',
  INSERT: 'INSERT',
  UPDATE: 'UPDATE',
  DELETE: 'DELETE',
  WITH: 'WITH',
  START: 'TRANSACTION',
  BEGIN: 'TRANSACTION',
  COMMIT: 'TRANSACTION',
  ROLLBACK: 'TRANSACTION',
  SAVEPOINT: 'TRANSACTION',
  RELEASE: 'TRANSACTION',
};
const LONGEST_KEYWORD = 9;

const isLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * The kind of a statement, from its first keyword (after any leading comments). Runs for every
 * query, so the usual case (a statement starting with its keyword) reads a few characters only.
 */
export function queryKindOf(sql: string): QueryKind {
  let start = 0;
  if (!isLetter(sql.charCodeAt(0))) start = LEADING_COMMENTS.exec(sql)?.[0].length ?? 0;
  let end = start;
  while (end < sql.length && end - start <= LONGEST_KEYWORD && isLetter(sql.charCodeAt(end))) end++;
  return KINDS[sql.slice(start, end).toUpperCase()] ?? 'OTHER';
}

/** Quoted strings ('' escapes included), E'' strings and dollar-quoted bodies. */
const STRING_LITERAL = /\b[Ee]'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'|\$([A-Za-z_]*)\$[\s\S]*?\$\1\$/g;
/** Numbers that are not part of a name or a `$n` placeholder. */
const NUMBER_LITERAL = /(?<![\w$.])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/g;
/** `$1, $2, $3` (IN lists, VALUES rows) read as one. */
const PLACEHOLDER_LIST = /(\$\d+)(?:\s*,\s*\$\d+)+/g;

/**
 * A statement with its literals replaced by `?` and runs of placeholders shortened, so the
 * same query with other values reads the same; whitespace collapsed, cut to a readable length.
 * Parameters are never part of it (they travel apart, as `$n`).
 */
export function normaliseSql(sql: string): string {
  const withoutLiterals = sql
    .replace(STRING_LITERAL, '?')
    .replace(NUMBER_LITERAL, '?')
    .replace(PLACEHOLDER_LIST, '$1, …');
  return compactSql(withoutLiterals);
}
