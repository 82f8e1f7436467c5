import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CHAIN_CHUNK, chainHead, chainRowsAfter, GENESIS_HASH } from './audit-chain.store';
import { ChainVerificationDto } from './dto/audit-change.dto';
import { newestBoundary } from './retention/audit-partitions.store';

function chainHash(previous: string, fields: string[]): string {
  return createHash('sha256')
    .update([previous, ...fields].join('\x1f'), 'utf8')
    .digest('hex');
}

/**
 * Walks the row history in chain order and recomputes every hash, in one snapshot so rows
 * appended meanwhile cannot look like a break. Finds edited rows, removed rows and a cut tail.
 * Months archived by retention are gone from the database: the walk starts after the newest
 * archived boundary, from the chain hash its archive recorded.
 */
@Injectable()
export class AuditChainVerifier {
  constructor(private readonly dataSource: DataSource) {}

  verify(): Promise<ChainVerificationDto> {
    return this.dataSource.transaction('REPEATABLE READ', (manager) => this.walk(manager));
  }

  private async walk(manager: EntityManager): Promise<ChainVerificationDto> {
    const boundary = await newestBoundary(manager);
    let previous = boundary?.boundary_hash ?? GENESIS_HASH;
    let checked = 0;
    let lastId = boundary?.boundary_change_id ?? '0';
    for (;;) {
      const rows = await chainRowsAfter(manager, lastId);
      for (const row of rows) {
        if (chainHash(previous, row.fields) !== row.hash) {
          return {
            ok: false,
            checked,
            firstBrokenId: row.id,
            reason: 'The row does not match its hash: it or a row before it was changed or removed',
          };
        }
        previous = row.hash;
        lastId = row.id;
        checked += 1;
      }
      if (rows.length < CHAIN_CHUNK) break;
    }
    const head = await chainHead(manager);
    if (head && head.last_hash !== previous) {
      return {
        ok: false,
        checked,
        firstBrokenId: head.last_change_id ?? undefined,
        reason: 'The chain ends before its recorded head: rows were removed from its end',
      };
    }
    return { ok: true, checked };
  }
}
