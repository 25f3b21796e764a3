export { openIndexedDbEventStore, IdbEventStore, type IdbEventStoreOptions } from './idbEventStore';
export { openRunDatabase, runDbName, type RunDatabase, type RunRecord } from './runDatabase';
export {
  openCatalog,
  CATALOG_DB_NAME,
  type Catalog,
  type CatalogRun,
  type LearnerStore,
  type LearnerStores,
  type SavedScenario,
  type ProgressRecord,
} from './catalog';
export {
  StorageFullError,
  StorageUnavailableError,
  DatabaseUpgradedElsewhereError,
  DatabaseClosedError,
} from './errors';
export { RUN_DB_VERSION, openRunDb, type RunDbSchema } from './databases';
