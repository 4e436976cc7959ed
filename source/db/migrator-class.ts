// The Migrator class alone, for db/migrator.ts to load on first use: a static re-export, so the
// bundle (which loads MikroORM with require) still finds the named export.
export {Migrator} from '@mikro-orm/migrations';
