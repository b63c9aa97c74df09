import type { ConsoleFileView } from '../../../shared/console/figures-calls';

/** Hands a file the hub sent as base64 to the browser as a download under its own name. */
export function downloadFile(file: ConsoleFileView): void {
  const bytes = Uint8Array.from(atob(file.base64), (character) => character.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
