import { aidStepRoles } from '../domain/aid';
import { caresForFamilies, call, readsFigures } from './call';
import { exportedFile } from '../validation/figures';
import {
  aidApplyInput,
  aidCaseList,
  aidCaseView,
  aidDecideInput,
  aidFigures,
  aidFiguresInput,
  aidGetInput,
  aidListInput,
  aidNoticeExportInput,
  aidNoticeInput,
  aidNoticeList,
  aidNoticePdf,
  aidObjectionInput,
  aidPayInput,
  aidPostNoticeInput,
  aidProposeInput,
  aidReviewInput,
} from '../validation/aid';

/**
 * Aid cases for donor families (人道救助): the approval chain as recorded steps, each by its roles and only
 * in order — application and payment by the staff who care for families; review, proposal, public notice
 * and objection by a supervisor or the administrator; the decision by the administrator alone — and no
 * one takes two steps of a case in a row. The public notice shows names masked. The auditor sees the
 * figures only; the kiosk nothing.
 */
export const aidCalls = {
  /** Opens a case (申请); refused when the family already has an open or granted case for the same cause. */
  'aid:apply': call(aidApplyInput, aidCaseView, aidStepRoles.application),
  /** The review (审核): approves the application for a proposal, or rejects it. */
  'aid:review': call(aidReviewInput, aidCaseView, aidStepRoles.review),
  /** The proposal (方案): the amount put to the decision. */
  'aid:propose': call(aidProposeInput, aidCaseView, aidStepRoles.proposal),
  /** The decision (决定), by the administrator: the amount granted, or a rejection. */
  'aid:decide': call(aidDecideInput, aidCaseView, aidStepRoles.decision),
  /** Puts a granted case on the public notice (公示) from one day to another, at least the station's minimum of days. */
  'aid:postNotice': call(aidPostNoticeInput, aidCaseView, aidStepRoles.notice),
  /** Records an objection raised during the notice (its note sealed): the case goes back to the decision. */
  'aid:objection': call(aidObjectionInput, aidCaseView, aidStepRoles.objection),
  /** The payment (发放) of the amount granted, after the notice ended, with the recipient's drawn signature. */
  'aid:pay': call(aidPayInput, aidCaseView, aidStepRoles.payment),
  /** The latest cases by state or family, without the sealed texts. */
  'aid:list': call(aidListInput, aidCaseList, caresForFamilies),
  /** One case with its reason and the steps' notes; audited as a view. */
  'aid:get': call(aidGetInput, aidCaseView, caresForFamilies),
  /** The cases on public notice on a day (today by default), names masked. */
  'aid:notice': call(aidNoticeInput, aidNoticeList, caresForFamilies),
  /** The public notice of a day as an A4 PDF in the language asked for, names masked; audited as an export. */
  'aid:noticePdf': call(aidNoticeExportInput, aidNoticePdf, caresForFamilies),
  /** The public notice of a day as an XLSX sheet, names masked; audited as an export. */
  'aid:noticeXlsx': call(aidNoticeExportInput, exportedFile, caresForFamilies),
  /** A year's aid paid per programme (count, sum) and the open cases by the step they wait for. */
  'aid:figures': call(aidFiguresInput, aidFigures, readsFigures),
} as const;
