import { expect, type Download, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import type { OpenStation } from '../../electron/app/open-station';
import type { CallInput, CallName, CallOutput } from '../../shared/contract/calls';
import { adminCaller, openTileAs, sampleAdmin, signOutStaff } from './fixtures';
import { text } from './support/axe';
import { register } from './records-helpers';

/** The family member who applies for aid and receives it; the notice shows her as `李*`. */
export const APPLICANT = '李秀英';

/** A donor family as the family desk opens it from a realised donation, with the one member who applies. */
export interface DonorFamily {
  familyId: string;
  registrationNumber: string;
  applicantId: string;
}

/** Makes a call through the dispatcher as `who`; a refusal fails the test at once. */
export async function dispatchOk<N extends CallName>(station: OpenStation, name: N, input: CallInput<N>, who: { sessionKey: string } = adminCaller): Promise<CallOutput<N>> {
  const result = await station.dispatch(name, input, who);
  if (!result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.error)}`);
  return result.data as CallOutput<N>;
}

/**
 * Registers a body donor, records the donation as completed on `donatedOn` and opens the family with its
 * applicant, all through the dispatcher as the first administrator (as the desks would have done before).
 */
export async function openDonorFamily(station: OpenStation, donatedOn: string): Promise<DonorFamily> {
  const created = await register(station);
  const body = created.registrations.find((registration) => registration.program === 'body');
  if (!body) throw new Error('no body registration');
  await dispatchOk(station, 'registration:realise', { registrationId: body.id, expectedVersion: body.version, donatedOn, note: null });
  const family = await dispatchOk(station, 'family:open', {
    registrationId: body.id,
    preferredChannel: 'phone',
    members: [{ name: APPLICANT, relationCode: '30', phone: '13900002222', isExecutor: true, consented: true, doNotContact: false }],
  });
  const applicant = family.members[0];
  if (!applicant) throw new Error('no member');
  return { familyId: family.id, registrationNumber: body.number, applicantId: applicant.id };
}

/** Signs a staff member in at the dispatcher under a desk of their own, for preparing a case step by step. */
export async function deskOf(station: OpenStation, account: { username: string; password: string }): Promise<{ sessionKey: string }> {
  const desk = { sessionKey: `desk-${account.username}` };
  await dispatchOk(station, 'session:login', { username: account.username, password: account.password }, desk);
  return desk;
}

/** A text of the product in `language`, with its `{{values}}` filled in. */
export function textIn(language: 'zh-CN' | 'en', key: string, values: Record<string, string> = {}): string {
  return Object.entries(values).reduce((filled, [name, value]) => filled.replaceAll(`{{${name}}}`, value), text(language, key));
}

/** Signs out whoever is signed in on the page, signs `account` in (in `language`) and opens the aid desk by its tile. */
export async function openAidDeskAs(page: Page, account: { username: string; password: string; displayName: string }, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  const short = language === 'en' ? 'en' : 'zh';
  if ((await page.getByTestId('staff-name').count()) > 0) await signOutStaff(page, short);
  await openTileAs(page, short, account, text(language, 'aidDesk:title'));
}

/**
 * Signs `account` in at the aid desk, opens the only case and posts its public notice on the days the form
 * offers, which must be `offered` (from today for the station's minimum), asking once more as staff would.
 */
export async function postOfferedNotice(
  page: Page,
  account: { username: string; password: string; displayName: string },
  language: 'zh-CN' | 'en',
  offered: { from: string; to: string },
): Promise<void> {
  const l = (key: string, values?: Record<string, string>) => textIn(language, key, values);
  await openAidDeskAs(page, account, language);
  await openOnlyCase(page);
  await page.getByRole('button', { name: l('aidDesk:next.open', { step: l('aid:step.notice') }) }).click();
  await expect(page.getByLabel(l('aidDesk:notice.from'))).toHaveValue(offered.from);
  await expect(page.getByLabel(l('aidDesk:notice.to'))).toHaveValue(offered.to);
  await page.getByRole('button', { name: l('aidDesk:notice.submit') }).click();
  await page.getByRole('button', { name: l('aidDesk:notice.confirmYes') }).click();
  await expect(page.getByTestId('aid-step-done')).toHaveText(l('aidDesk:done.notice'));
  await expect(page.getByTestId('aid-case-state')).toHaveText(l('aid:state.on_notice'));
}

/** On the aid desk, begins a new application and chooses the family found by its registration number. */
export async function beginApplicationFor(page: Page, language: 'zh-CN' | 'en', registrationNumber: string): Promise<void> {
  await page.getByRole('button', { name: textIn(language, 'aidDesk:apply.open') }).click();
  await page.getByLabel(textIn(language, 'aidDesk:apply.familySearch')).fill(registrationNumber);
  await page.getByRole('button', { name: textIn(language, 'aidDesk:apply.familySearchSubmit'), exact: true }).click();
  await page.getByTestId('aid-family-results').getByRole('button', { name: textIn(language, 'aidDesk:apply.chooseFamily') }).click();
}

/** Opens the only case in the aid desk's list. */
export async function openOnlyCase(page: Page): Promise<void> {
  const rows = page.getByTestId('aid-case-row');
  await expect(rows).toHaveCount(1);
  await rows.getByRole('button').click();
  await expect(page.getByTestId('aid-case')).toBeVisible();
}

/** The first bytes of a downloaded file, to tell a PDF (`%PDF`) from an XLSX (a zip, `PK`). */
export async function downloadedMagic(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path).subarray(0, 4).toString('latin1');
}

export { sampleAdmin };

/** The desks that take a case's steps up to its public notice, each a different person (four eyes). */
export interface NoticeDesks {
  registrar: { sessionKey: string };
  supervisor: { sessionKey: string };
  decider: { sessionKey: string };
}

/**
 * A condolence case of `family` taken at the desks through the dispatcher up to its public notice from
 * `from` to `to`: applied by the registrar, reviewed by the supervisor, proposed at `grantedFen` by the first
 * administrator, granted by the decider and put on notice by the supervisor. Returns the case's id.
 */
export async function caseOnNotice(station: OpenStation, family: DonorFamily, desks: NoticeDesks, notice: { from: string; to: string; grantedFen: number }): Promise<string> {
  const applied = await dispatchOk(
    station,
    'aid:apply',
    { familyId: family.familyId, applicantMemberId: family.applicantId, cause: { programme: 'condolence' }, reason: '家中主要劳动力去世，生活困难', amountAskedFen: notice.grantedFen, documentsSeen: ['id_card'] },
    desks.registrar,
  );
  await dispatchOk(station, 'aid:review', { caseId: applied.id, outcome: 'approve', note: '材料齐全' }, desks.supervisor);
  await dispatchOk(station, 'aid:propose', { caseId: applied.id, amountProposedFen: notice.grantedFen, note: null });
  await dispatchOk(station, 'aid:decide', { caseId: applied.id, outcome: 'grant', amountGrantedFen: notice.grantedFen }, desks.decider);
  await dispatchOk(station, 'aid:postNotice', { caseId: applied.id, from: notice.from, to: notice.to }, desks.supervisor);
  return applied.id;
}
