// The returns module's public face: the SEN2 statutory return (export, pre-submission check, import).
export { exportSen2Xml, exportSen2Csv, sen2Header, type ExportOptions, type ExportSummary } from './application/export-sen2.ts';
export { importSen2, checkSen2File, type ImportResult } from './application/import-sen2.ts';
export { collectionPeriod, ReferenceDateError, type CollectionPeriod } from './domain/collection-period.ts';
export { CSV_MODULES, csvFileName, type CsvModule } from './domain/sen2-csv.writer.ts';
export { Sen2FileRefused, type Sen2Problem } from './infrastructure/sen2-xml.reader.ts';
export { withReadTransaction, type RunQuery } from './infrastructure/child-history.cursor.ts';
export { registerReturnsRoutes } from './web/sen2-return.routes.ts';
export { checkSen2Return } from './application/check-sen2.ts';
