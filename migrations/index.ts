import { InitialSchema1732200000000 } from './1732200000000-initial-schema';

/** Every migration, in order. Listed explicitly so the bundled API and the tests run the same set. */
export const migrations = [InitialSchema1732200000000];
