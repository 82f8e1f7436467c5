import type { components, operations } from '@ledgerlens/contracts';

export type { Category } from '../../../entities/categories';

export type Transaction = components['schemas']['TransactionDto'];
export type TransactionPage = components['schemas']['TransactionPageDto'];
export type TransactionType = Transaction['type'];
/** What users enter; transfers and adjustments are booked by the Accounts page. */
export type EntryType = NonNullable<NewTransaction['type']>;
export type NewTransaction = components['schemas']['CreateTransactionDto'];
export type TransactionChanges = components['schemas']['UpdateTransactionDto'];
export type RecordChange = components['schemas']['RecordChangeDto'];
export type FieldChange = components['schemas']['FieldChangeDto'];
export type CategoryInUse = components['schemas']['CategoryInUseDto'];

type ListQuery = NonNullable<operations['TransactionsController_list_v1']['parameters']['query']>;

/** What the list can be narrowed by: the API's own filter parameters, without paging and order. */
export type TransactionFilters = Omit<ListQuery, 'page' | 'limit' | 'sort' | 'order'>;
