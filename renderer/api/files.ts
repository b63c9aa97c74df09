/** A file the station made (an export), as a call returns it. */
export interface StationFile {
  fileName: string;
  mediaType: string;
  contentBase64: string;
}

/**
 * Saves a file as a download: an anchor on a blob URL, which the desktop app turns into its save
 * dialog and a browser on the station host into a download. Nothing leaves the machine.
 */
export function saveDownload(file: StationFile): void {
  const bytes = Uint8Array.from(atob(file.contentBase64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // Released once the download has surely started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
