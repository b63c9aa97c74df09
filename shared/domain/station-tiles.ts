import type { StationKind } from './station';

/** The areas the public (nobody signed in) can open from a station's home. */
export type PublicArea = 'register' | 'visitorSignIn' | 'messageWall' | 'nameList' | 'sessionKiosk';

/**
 * What the public home offers at each kind of station, in the order shown. A university station takes
 * registrations from staff, students and the public, and hosts life-education talks; a memorial park
 * kiosk serves visitors and families (sign-in, including Qingming, messages, the donor name list); a
 * life-education base serves school groups at sessions. Sign-in, the wall and the name list belong to
 * the memorial park: elsewhere the wall would be empty and the sign-in would count visits nobody made.
 * Signed-in staff keep every area their role allows, whatever the kind.
 */
export const PUBLIC_AREAS_BY_KIND: Record<StationKind, readonly PublicArea[]> = {
  university_station: ['register', 'sessionKiosk'],
  memorial_kiosk: ['visitorSignIn', 'messageWall', 'nameList', 'register'],
  education_base: ['sessionKiosk', 'register'],
};
