/** The complaint as the tests read it back after every step. */
export const COMPLAINT_FIELDS = `
  id reference version kind status channel receivedAt nextDueAt verdict offer customerAgreed satisfaction availableActions
  policy { key referral }
  handler { name } forwardedTo { name } registeredBy { name }
  deadlines { kind dueDate dueAt status metAt late }
  history { type fromStatus toStatus data actor { name } }
`;

export interface ComplaintView {
  id: string;
  reference: string;
  version: number;
  kind: string;
  status: string;
  channel: string;
  receivedAt: string;
  nextDueAt: string | null;
  verdict: string | null;
  offer: string[];
  customerAgreed: boolean | null;
  satisfaction: number | null;
  availableActions: string[];
  policy: { key: string; referral: string | null };
  handler: { name: string } | null;
  forwardedTo: { name: string } | null;
  registeredBy: { name: string } | null;
  deadlines: Array<{ kind: string; dueDate: string; dueAt: string; status: string; metAt: string | null; late: boolean }>;
  history: Array<{ type: string; fromStatus: string | null; toStatus: string | null; data: Record<string, unknown>; actor: { name: string } | null }>;
}

let counter = 0;

/** A complainant as the intake form sends it, with overrides. */
export function complainant(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return { name: `Klager ${counter}`, email: `klager${counter}@example.org`, phone: '+31 6 1234 5678', relation: 'CLIENT', ...overrides };
}
