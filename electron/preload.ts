import { contextBridge, ipcRenderer } from 'electron';
import { isListedCallName } from '../shared/contract/call-names';
import { PRINT_IPC_CHANNEL, STATION_IPC_CHANNEL, type StationBridge, type StationPrinter } from '../shared/contract/transport';

/**
 * The renderer's only door to the station: one function on one channel (and one for printing). ipcRenderer itself is never
 * exposed, so a compromised page cannot send on any other channel or listen to replies meant for others.
 */
const bridge: StationBridge = {
  call(name, input) {
    // Refused here as well as in the main process, so a typo fails loudly without a round trip. The light
    // list of names keeps the contract's schemas (and zod) out of the preload's bundle.
    if (!isListedCallName(name)) return Promise.reject(new Error(`unknown call: ${String(name)}`));
    return ipcRenderer.invoke(STATION_IPC_CHANNEL, name, input);
  },
};

/**
 * Printing and saving the station's documents by id: the main process renders them itself
 * (electron/shell/print-document.ts). Only the three named fields are sent, whatever else a page adds.
 */
const printer: StationPrinter = {
  print({ source, documentId, mode }) {
    return ipcRenderer.invoke(PRINT_IPC_CHANNEL, { source, documentId, mode });
  },
};

contextBridge.exposeInMainWorld('station', bridge);
contextBridge.exposeInMainWorld('stationPrinter', printer);
