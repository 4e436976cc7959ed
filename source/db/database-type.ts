import type {MikroORM} from '@mikro-orm/core';
// Type only: both drivers are knex's SQL drivers, and each is loaded only when its dialect is opened.
import type {AbstractSqlDriver} from '@mikro-orm/sqlite';

/** An open database, SQLite or PostgreSQL. */
export type Database = MikroORM<AbstractSqlDriver>;
