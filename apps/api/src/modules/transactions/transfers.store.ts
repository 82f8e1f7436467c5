import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { rowsOf } from '../../database/typed-rows';
import { Transaction } from './transaction.entity';
import { InsertedRow, RETURNED_COLUMNS, transactionOf } from './transactions.store';

/** One side of a transfer to book. */
export interface TransferSide {
  accountId: string;
  amountCents: number;
  currency: string;
}

/** A transfer's two rows. */
export interface TransferRows {
  out: Transaction;
  in: Transaction;
}

function sidesOf(manager: EntityManager, rows: InsertedRow[]): TransferRows | undefined {
  const out = rows.find((row) => row.type === 'transfer_out');
  const into = rows.find((row) => row.type === 'transfer_in');
  return out && into
    ? { out: transactionOf(manager, out), in: transactionOf(manager, into) }
    : undefined;
}

/** The two rows of transfers in SQL, on the caller's transaction and user context. */
@Injectable()
export class TransfersStore {
  /** Books both rows of a transfer, sharing a new transfer ID, in one statement. */
  async insert(
    manager: EntityManager,
    from: TransferSide,
    to: TransferSide,
    occurredOn: string,
    description: string,
  ): Promise<TransferRows> {
    const rows = await rowsOf<InsertedRow>(
      manager,
      `INSERT INTO transactions
         (account_id, transfer_id, type, amount_cents, currency, description, occurred_on)
       SELECT side.account_id, transfer.id, side.type, side.amount_cents, side.currency, $7, $8
       FROM (SELECT gen_random_uuid() AS id) transfer,
            (VALUES ($1::uuid, 'transfer_out', $2::bigint, $3::varchar),
                    ($4::uuid, 'transfer_in', $5::bigint, $6::varchar))
              AS side (account_id, type, amount_cents, currency)
       RETURNING ${RETURNED_COLUMNS}`,
      [
        from.accountId,
        from.amountCents,
        from.currency,
        to.accountId,
        to.amountCents,
        to.currency,
        description,
        occurredOn,
      ],
    );
    const sides = sidesOf(manager, rows);
    if (!sides) throw new Error('A transfer was booked without both of its rows');
    return sides;
  }

  /** The live rows of transfer `id`; undefined when there is no such transfer of the user. */
  async find(manager: EntityManager, id: string): Promise<TransferRows | undefined> {
    const rows = await rowsOf<InsertedRow>(
      manager,
      `SELECT ${RETURNED_COLUMNS} FROM transactions WHERE transfer_id = $1 AND deleted_at IS NULL`,
      [id],
    );
    return sidesOf(manager, rows);
  }
}
