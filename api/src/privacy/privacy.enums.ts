import { registerEnumType } from 'type-graphql';

/** Under which rule a dossier's personal data was removed. */
export enum RemovalRule {
  /** The policy's retention period after closure passed (DOMAIN.md, Forgetting). */
  RETENTION = 'RETENTION',
  /** The complainant asked for erasure (AVG art. 17). */
  ERASURE_REQUEST = 'ERASURE_REQUEST',
}
registerEnumType(RemovalRule, { name: 'RemovalRule', description: "Why a dossier's personal data was removed." });

export enum PrivacyRequestKind {
  /** Art. 15: everything kept about the complainant, as a ZIP. */
  ACCESS = 'ACCESS',
  /** Art. 17: remove it, where nothing requires it to be kept. */
  ERASURE = 'ERASURE',
}
registerEnumType(PrivacyRequestKind, { name: 'PrivacyRequestKind', description: "A complainant's request under the AVG." });

export enum PrivacyRequestStatus {
  RECORDED = 'RECORDED',
  /** Access: the export was made; erasure: what could be removed was removed. */
  CARRIED_OUT = 'CARRIED_OUT',
}
registerEnumType(PrivacyRequestStatus, { name: 'PrivacyRequestStatus' });

/** Why a dossier must be kept for now (an erasure request leaves it, the retention job passes it by). */
export enum KeepReason {
  /** A DIRECTOR's legal hold. */
  LEGAL_HOLD = 'LEGAL_HOLD',
  /** An objection that is not decided or settled yet. */
  OPEN_OBJECTION = 'OPEN_OBJECTION',
  /** A referral whose outcome is not recorded yet. */
  OPEN_REFERRAL = 'OPEN_REFERRAL',
  /** The answer's objection window is still open: the complainant may still object. */
  OBJECTION_WINDOW_OPEN = 'OBJECTION_WINDOW_OPEN',
  /** The procedure is still running (not closed, withdrawn or archived). */
  OPEN_PROCEDURE = 'OPEN_PROCEDURE',
  /** Already anonymised: nothing left to remove. */
  ALREADY_ANONYMISED = 'ALREADY_ANONYMISED',
}
registerEnumType(KeepReason, { name: 'KeepReason', description: 'Why a dossier is kept (not anonymised) for now.' });
