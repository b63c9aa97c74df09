import type { IdCardRead } from '../../../../shared/domain/id-card';
import type { DocumentKind, Sex } from '../../../../shared/validation/identity-document';

/**
 * The ID card whose fields fill the identity step. While `locked`, the document kind, number, name, sex,
 * birth date and ethnic group are the card's and shown read-only; staff may open them with a reason
 * (`idCard:unlock`). Only the read's identifier is kept: the fields themselves live in the draft, which
 * the flow forgets as a whole.
 */
export interface CardFill {
  readId: string;
  locked: boolean;
  /** Whether the card gave the ethnic group (a resident card with a listed one); otherwise it is chosen. */
  ethnicGroupFromCard: boolean;
}

/** The registration draft's fields a card fills (see Draft). */
export interface CardDraftFields {
  card: CardFill | null;
  documentKind: DocumentKind;
  documentKindChosen: boolean;
  documentNumber: string;
  name: string;
  ethnicGroup: string;
  birthDate: string;
  sex: Sex | '';
}

/** The fields a card fills, all of them emptied again when the card is put aside. */
export const clearedCardFields: CardDraftFields = {
  card: null,
  documentKind: 'resident_id',
  documentKindChosen: false,
  documentNumber: '',
  name: '',
  ethnicGroup: '',
  birthDate: '',
  sex: '',
};

/**
 * The name a registration takes from a card: the name in Chinese characters, or else the Latin name as
 * the card prints it (`SURNAME, GIVEN NAMES`) without its comma, which no name the station keeps holds.
 */
export function registrationName(card: Pick<IdCardRead, 'name' | 'latinName'>): string {
  const name = card.name.trim() !== '' ? card.name : (card.latinName ?? '');
  return name.replace(/\s*,\s*/gu, ' ').replace(/\s+/gu, ' ').trim();
}

/** The draft's fields as a card read gives them, locked. */
export function fillFromCard(card: IdCardRead): CardDraftFields {
  return {
    card: { readId: card.readId, locked: true, ethnicGroupFromCard: card.ethnicGroup !== null },
    documentKind: card.documentKind,
    documentKindChosen: true,
    documentNumber: card.documentNumber,
    name: registrationName(card),
    ethnicGroup: card.ethnicGroup ?? '',
    birthDate: card.birthDate,
    sex: card.sex,
  };
}

/** Whether the card's fields are shown read-only now. */
export function cardLocked(draft: { card: CardFill | null }): boolean {
  return draft.card !== null && draft.card.locked;
}
