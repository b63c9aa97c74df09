/** A file the station made (an export, a PDF), as a call returns it. */
export interface StationFile {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

/** A blob URL of the file, released after a while (viewers and slow downloads keep reading it meanwhile). */
export function blobUrl(file: Omit<StationFile, 'fileName'>, keepMs = 5 * 60_000): string {
  const bytes = Uint8Array.from(atob(file.contentBase64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  setTimeout(() => URL.revokeObjectURL(url), keepMs);
  return url;
}

/**
 * Saves a file as a download: an anchor on a blob URL, which the desktop app turns into its save
 * dialog and a browser on the station host into a download. Nothing leaves the machine.
 */
export function saveDownload(file: StationFile): void {
  const link = document.createElement('a');
  link.href = blobUrl(file);
  link.download = file.fileName;
  link.click();
}
