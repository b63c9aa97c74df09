import { CMDP_MAP } from './cmdp';
import { CODAC_MAP } from './codac';
import type { ExportPlatform, PlatformMap } from './column-map';
import { RECEIVING_STATIONS_MAP } from './receiving-stations';
import { SOCIAL_CARD_MAP } from './social-card';

/** Every platform's column map, by platform. */
export const PLATFORM_MAPS: Readonly<Record<ExportPlatform, PlatformMap>> = {
  codac: CODAC_MAP,
  cmdp: CMDP_MAP,
  'receiving-stations': RECEIVING_STATIONS_MAP,
  'social-card': SOCIAL_CARD_MAP,
};
