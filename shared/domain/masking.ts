/** Kiosk screens show a name as its first character and `*`, never the whole name. */
export function maskName(name: string): string {
  const [first] = Array.from(name);
  return first === undefined ? '' : `${first}*`;
}
