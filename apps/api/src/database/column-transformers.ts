import { ValueTransformer } from 'typeorm';

/** bigint columns arrive from pg as strings; money in cents fits a JS number exactly (< 2^53). */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
