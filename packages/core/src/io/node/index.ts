export { type FileData, writeFileAtomic } from './atomic-write.js';
export { readCsvFile, readCsvFileBatches, readTableFile } from './read-file.js';
export { writeCsvFile } from './write-csv-file.js';
