export { type FileData, writeFileAtomic } from './atomic-write.js';
export { ensureParentDir } from './ensure-dir.js';
export { fromSystemError, ioError, isSystemError, type SystemError } from './io-error.js';
export { readCsvFile, readCsvFileBatches, readTableFile } from './read-file.js';
export { writeCsvFile } from './write-csv-file.js';
