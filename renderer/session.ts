import { contract, type CallName, type CallOutput } from '../shared/contract/calls';
import type { Role } from '../shared/domain/roles';

/** Who is at the screen, as the station sees it. */
export type Session = CallOutput<'session:get'>;

/** The screens of the app; `login` is the staff sign-in form. */
export type ScreenName = 'home' | 'login' | 'register' | 'records' | 'visitorSignIn' | 'visitorLog' | 'audit' | 'staffAccounts' | 'documents' | 'messageWall' | 'messageModeration' | 'nameList' | 'nameListDesk' | 'sessionKiosk' | 'sessions' | 'figures' | 'dashboard' | 'sync' | 'settings' | 'backup' | 'myAccount' | 'familyCare' | 'aidCases';

/** The call each screen opens with: its roles decide who is offered the screen (the station enforces them). */
const openingCall: Record<ScreenName, CallName> = {
  home: 'station:get',
  login: 'session:login',
  register: 'registration:create',
  records: 'registration:search',
  visitorSignIn: 'visitor:signIn',
  visitorLog: 'visitor:list',
  audit: 'audit:list',
  staffAccounts: 'staff:list',
  documents: 'documents:list',
  messageWall: 'messages:wall',
  messageModeration: 'messages:list',
  nameList: 'nameList:search',
  nameListDesk: 'nameList:list',
  sessionKiosk: 'education:today',
  sessions: 'education:list',
  figures: 'figures:get',
  dashboard: 'dashboard:get',
  sync: 'sync:status',
  settings: 'settings:get',
  backup: 'backup:status',
  myAccount: 'session:changePassword',
  familyCare: 'family:list',
  aidCases: 'aid:list',
};

export function mayOpen(role: Role, screen: ScreenName): boolean {
  return mayCall(role, openingCall[screen]);
}

/** Whether the contract lets a role make a call: screens offer an action only to those (the station enforces it). */
export function mayCall(role: Role, name: CallName): boolean {
  return contract[name].roles.includes(role);
}
