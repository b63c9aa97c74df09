import type { Executor } from '../db/repositories/executor';
import {
  addReview,
  deletePersonIfUnregistered,
  deleteRegistration,
  deleteReviewOf,
  otherStationsOfPerson,
  peopleWithKeys,
  registrationOf,
  registrationsOfPerson,
  registrationsUnderReviewFor,
  registrationsWithIds,
  insertPeople,
  storeRegistrations,
  type HeldRegistration,
  type PersonReview,
  type PersonToStore,
  type RegistrationName,
  updatePersonFields,
} from '../db/repositories/people';
import type { PersonDetails } from './payloads';
import { SEALED_COLUMNS, type HubSealer } from './sealing';

/** A person as the batch knows them: their key and their personal fields, opened once. */
export interface KnownPerson {
  personKey: string;
  fields: PersonDetails;
  /** The station's moment of the change the fields were last set from: an older change never replaces them. */
  changedAt: string;
}

/** A person known to the batch: held sealed (opened when first asked), or with fields set by the batch. */
type PersonEntry = { personKey: string; changedAt: string } & ({ sealed: Buffer; fields?: PersonDetails } | { fields: PersonDetails });

/** A person's fields set by the batch, written when the batch's people are stored. */
interface PendingPerson {
  fields: PersonDetails;
  /** Held before the batch set them: their fields are replaced; otherwise the person is added. */
  held: boolean;
  createdAt: string;
  updatedAt: string;
}

function registrationKey(stationCode: string, registrationId: string): string {
  return `${stationCode}\u0000${registrationId}`;
}

/**
 * The people's tables as one batch's transaction sees them. The registrations and people a batch names are
 * read together up front, the batch's own changes are kept here and written together in multi-row upserts
 * (`flush`) instead of one statement per line; anything else that reads or changes the people's tables goes
 * through here too and flushes first, so the database and what the batch sees never differ.
 */
export class BatchPeople {
  /** Registrations by station and id: null when known not to be held. */
  private readonly registrations = new Map<string, HeldRegistration | null>();
  /** People by key: null when known not to be held. */
  private readonly people = new Map<string, PersonEntry | null>();
  private readonly pendingRegistrations = new Map<string, HeldRegistration>();
  private readonly pendingPeople = new Map<string, PendingPerson>();
  private readonly keyCandidates = new Map<string, string[]>();

  constructor(
    readonly db: Executor,
    readonly sealer: HubSealer,
    readonly provinceCode: string,
  ) {}

  /** Reads at once the registrations of a station and the people of these details that the batch will ask for. */
  async preload(stationCode: string, registrationIds: readonly string[], details: readonly PersonDetails[]): Promise<void> {
    const wanted = registrationIds.filter((id) => !this.registrations.has(registrationKey(stationCode, id)));
    if (wanted.length > 0) {
      for (const id of wanted) this.registrations.set(registrationKey(stationCode, id), null);
      for (const held of await registrationsWithIds(this.db, this.provinceCode, stationCode, wanted)) {
        this.registrations.set(registrationKey(held.stationCode, held.registrationId), held);
      }
    }
    await this.loadPeople(details.flatMap((person) => this.personKeyCandidates(person)));
  }

  /** The person's key under every data key held, current first (memoised: a blind index per key is an HMAC). */
  personKeyCandidates(person: Pick<PersonDetails, 'documentKind' | 'documentNumber'>): string[] {
    const memo = `${person.documentKind}\u0000${person.documentNumber}`;
    let candidates = this.keyCandidates.get(memo);
    if (!candidates) {
      candidates = this.sealer.personKeyCandidates(person.documentKind, person.documentNumber);
      this.keyCandidates.set(memo, candidates);
    }
    return candidates;
  }

  /** The first person held under any of these keys (the current key first), as the batch sees them. */
  async personByKeys(candidates: readonly string[]): Promise<KnownPerson | undefined> {
    await this.loadPeople(candidates);
    for (const key of candidates) {
      const entry = this.people.get(key);
      if (!entry) continue;
      if (!entry.fields) entry.fields = this.sealer.openJson<PersonDetails>((entry as { sealed: Buffer }).sealed, SEALED_COLUMNS.personFields);
      return { personKey: entry.personKey, fields: entry.fields, changedAt: entry.changedAt };
    }
    return undefined;
  }

  /** Sets a person's fields, as of the station's moment `at`: the person is added when new, their fields replaced when held. */
  savePerson(personKey: string, fields: PersonDetails, at: string): void {
    const pending = this.pendingPeople.get(personKey);
    const held = pending ? pending.held : Boolean(this.people.get(personKey));
    this.pendingPeople.set(personKey, { fields, held, createdAt: pending?.createdAt ?? at, updatedAt: at });
    this.people.set(personKey, { personKey, fields, changedAt: at });
  }

  /** One registration as the batch sees it, or undefined. */
  async registration(name: RegistrationName): Promise<HeldRegistration | undefined> {
    const key = registrationKey(name.stationCode, name.registrationId);
    if (!this.registrations.has(key)) this.registrations.set(key, (await registrationOf(this.db, name)) ?? null);
    return this.registrations.get(key) ?? undefined;
  }

  /** Stores a registration's latest version: inserted the first time, replaced after. */
  saveRegistration(registration: HeldRegistration): void {
    const key = registrationKey(registration.stationCode, registration.registrationId);
    this.registrations.set(key, registration);
    this.pendingRegistrations.set(key, registration);
  }

  /** The stations whose registrations are linked to the person, other than the one named. */
  async otherStationsOfPerson(personKey: string, except: RegistrationName): Promise<string[]> {
    await this.flush();
    return otherStationsOfPerson(this.db, this.provinceCode, personKey, except);
  }

  /** Adds a review entry for a registration; a registration already under review adds nothing. */
  async addReview(review: Omit<PersonReview, 'id'>): Promise<void> {
    await this.flush();
    await addReview(this.db, this.provinceCode, review);
  }

  /** Drops the review entry about a registration. */
  async deleteReviewOf(name: RegistrationName): Promise<void> {
    await this.flush();
    await deleteReviewOf(this.db, name);
  }

  /** The registrations linked to a person, at every station. */
  async registrationsOfPerson(personKey: string): Promise<HeldRegistration[]> {
    await this.flush();
    return registrationsOfPerson(this.db, this.provinceCode, personKey);
  }

  /** The registrations whose review entries name the person held: they wait on that person. */
  async registrationsUnderReviewFor(personKey: string): Promise<RegistrationName[]> {
    await this.flush();
    return registrationsUnderReviewFor(this.db, this.provinceCode, personKey);
  }

  /** Removes a registration and the review entry about it. */
  async deleteRegistration(name: RegistrationName): Promise<void> {
    await this.flush();
    await deleteRegistration(this.db, name);
    this.registrations.set(registrationKey(name.stationCode, name.registrationId), null);
  }

  /** Erases a person no registration is linked to any more, with the review entries about them. */
  async deletePersonIfUnregistered(personKey: string): Promise<boolean> {
    await this.flush();
    const deleted = await deletePersonIfUnregistered(this.db, this.provinceCode, personKey);
    if (deleted) this.people.set(personKey, null);
    return deleted;
  }

  /** Writes the batch's changes to people and registrations: people first, since registrations name them. */
  async flush(): Promise<void> {
    if (this.pendingPeople.size > 0) {
      const people: Array<PersonToStore & { held: boolean }> = [...this.pendingPeople].map(([personKey, pending]) => ({
        personKey,
        sealedFields: this.sealer.sealJson(pending.fields, SEALED_COLUMNS.personFields),
        held: pending.held,
        createdAt: pending.createdAt,
        updatedAt: pending.updatedAt,
      }));
      this.pendingPeople.clear();
      // New people are inserted plainly: one another batch added meanwhile fails this batch, as a single insert would.
      await insertPeople(this.db, this.provinceCode, people.filter((person) => !person.held));
      for (const person of people.filter((held) => held.held)) await updatePersonFields(this.db, this.provinceCode, person, person.updatedAt);
    }
    if (this.pendingRegistrations.size > 0) {
      const registrations = [...this.pendingRegistrations.values()];
      this.pendingRegistrations.clear();
      await storeRegistrations(this.db, this.provinceCode, registrations);
    }
  }

  private async loadPeople(keys: readonly string[]): Promise<void> {
    const unknown = [...new Set(keys)].filter((key) => !this.people.has(key));
    if (unknown.length === 0) return;
    const held = await peopleWithKeys(this.db, this.provinceCode, unknown);
    for (const key of unknown) {
      const sealed = held.get(key);
      this.people.set(key, sealed ? { personKey: key, sealed: sealed.sealedFields, changedAt: sealed.changedAt } : null);
    }
  }
}
