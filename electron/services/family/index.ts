import type { StationContext } from '../kernel/context';
import { FamilyService } from './families';
import { FamilyCareService } from './family-care';
import { FamilyFiguresService } from './family-figures';
import { RemembranceService } from './remembrance';

/** Donor-family care: the family and its consents, the care plan and contacts, remembrance, the figures. */
export interface FamilyServices {
  families: FamilyService;
  familyCare: FamilyCareService;
  remembrance: RemembranceService;
  familyFigures: FamilyFiguresService;
}

/** The family area on one station. */
export function createFamilyServices(ctx: StationContext): FamilyServices {
  return {
    families: new FamilyService(ctx),
    familyCare: new FamilyCareService(ctx),
    remembrance: new RemembranceService(ctx),
    familyFigures: new FamilyFiguresService(ctx),
  };
}
