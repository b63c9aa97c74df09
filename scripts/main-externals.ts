/**
 * The packages the Electron main process loads from node_modules rather than from its bundle: Electron itself,
 * the native modules (better-sqlite3, koffi) and those that read their own files at run time (pdfkit, fontkit).
 * The build and the sync benchmark bundle the main process with the same list.
 */
export const MAIN_PROCESS_EXTERNALS = ['electron', 'better-sqlite3', 'pdfkit', 'fontkit', 'koffi'];
