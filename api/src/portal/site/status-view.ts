import { PublicAction } from '../portal.types';
import { PORTAL_PATH } from '../public-status';
import type { Site } from './site-context';
import { fieldView, radiosView, summaryOf, type FieldView, FormErrors } from './site-fields';
import type { ActionSlug, PublicStatus } from './site-graphql';
import { dutchDate, dutchDay, dutchMoment, HEARING_FORMS, NEXT_STEPS, SCALE, STAGES } from './site-labels';
import { ACCEPT } from './complaint-form';
import { STATUS_LINK_MINUTES } from './site-tokens';

/** What one action's form was sent with, when it comes back with errors. */
export interface ActionFormState {
  values: Record<string, string>;
  kept: Array<{ value: string; fileName: string }>;
  errors: FormErrors;
}

export interface StatusPageState {
  status: PublicStatus;
  /** The status link's token: the page's own address and its forms' targets. */
  token: string;
  /** The confirmation right after the submission: the code, shown once more on a reload of it. */
  code?: string;
  done?: string;
  /** Messages of no form (a rate limit, a step no longer possible, an objection too late). */
  errors?: FormErrors;
  /** The form that was sent and refused. */
  sent?: { slug: ActionSlug; state: ActionFormState };
}

/** Where the API reports each field of an action's input, and which form field shows it. */
export const ACTION_FIELDS: Record<ActionSlug, Record<string, string>> = {
  informatie: { answer: 'antwoord', attachmentIds: 'bijlagen' },
  bezwaar: { grounds: 'gronden', attachmentIds: 'bijlagen' },
  hoorzitting: { note: 'toelichting' },
  tevredenheid: { handling: 'afhandeling', outcome: 'uitkomst', comment: 'opmerking', reopen: 'opnieuw' },
};

/** The code in groups of four, as the confirmation shows it. */
const grouped = (code: string) => code.replace(/-/g, '').replace(/(.{4})(?=.)/g, '$1-');

function filesField(site: Site, state: ActionFormState): Parameters<typeof fieldView>[1] | undefined {
  if (site.config.attachments.websiteFiles === 0) return undefined;
  return {
    name: 'bijlagen',
    label: 'Bijlagen',
    optional: true,
    accept: ACCEPT,
    kept: state.kept.map((upload) => upload.fileName),
    hint: `Hoogstens ${site.config.attachments.websiteFiles} bestanden van elk hoogstens ${Math.floor(site.config.attachments.websiteFileBytes / (1024 * 1024))} MB: PDF, afbeeldingen, e-mails of kantoordocumenten.`,
  };
}

/** Each offered action's form, with what was sent and its errors when it is the one that came back. */
function actionForms(site: Site, page: StatusPageState): { forms: Record<string, unknown>; views: FieldView[] } {
  const { actions } = page.status;
  const stateOf = (slug: ActionSlug): ActionFormState => (page.sent?.slug === slug ? page.sent.state : { values: {}, kept: [], errors: new FormErrors() });
  const forms: Record<string, unknown> = {};
  const views: FieldView[] = [];
  const field = (slug: ActionSlug, state: ActionFormState, spec: Parameters<typeof fieldView>[1] | undefined, radios = false) => {
    if (!spec) return undefined;
    const view = (radios ? radiosView : fieldView)(slug, spec, state.values[spec.name] ?? '', state.errors);
    if (page.sent?.slug === slug) views.push(view);
    return view;
  };
  if (actions.includes(PublicAction.ANSWER_INFORMATION)) {
    const state = stateOf('informatie');
    forms.informatie = {
      question: page.status.informationQuestion,
      answerBy: page.status.informationAnswerBy ? dutchDate(page.status.informationAnswerBy) : null,
      keptUploads: state.kept.map((upload) => upload.value),
      fields: {
        antwoord: field('informatie', state, { name: 'antwoord', label: 'Uw antwoord', rows: 8 }),
        bijlagen: field('informatie', state, filesField(site, state)),
      },
    };
  }
  if (actions.includes(PublicAction.OBJECT)) {
    const state = stateOf('bezwaar');
    forms.bezwaar = {
      keptUploads: state.kept.map((upload) => upload.value),
      fields: {
        gronden: field('bezwaar', state, {
          name: 'gronden',
          label: 'Waarom bent u het niet eens met ons antwoord?',
          rows: 8,
          hint: 'Schrijf wat er volgens u niet klopt en wat u van ons verwacht.',
        }),
        bijlagen: field('bezwaar', state, filesField(site, state)),
      },
    };
  }
  const canAccept = actions.includes(PublicAction.ACCEPT_HEARING);
  const canWaive = actions.includes(PublicAction.WAIVE_HEARING);
  if (canAccept || canWaive) {
    const state = stateOf('hoorzitting');
    forms.hoorzitting = {
      canAccept,
      canWaive,
      fields: {
        toelichting: field('hoorzitting', state, {
          name: 'toelichting',
          label: 'Toelichting',
          optional: true,
          rows: 3,
          hint: 'Wilt u ons nog iets laten weten?',
        }),
      },
    };
  }
  if (actions.includes(PublicAction.ANSWER_SURVEY)) {
    const state = stateOf('tevredenheid');
    forms.tevredenheid = {
      reopenPossible: page.status.reopenPossible,
      reopen: state.values.opnieuw === 'ja',
      fields: {
        afhandeling: field('tevredenheid', state, { name: 'afhandeling', label: 'Hoe tevreden bent u over de afhandeling?', options: scale() }, true),
        uitkomst: field('tevredenheid', state, { name: 'uitkomst', label: 'Hoe tevreden bent u over de uitkomst?', options: scale() }, true),
        opmerking: field('tevredenheid', state, { name: 'opmerking', label: 'Wilt u nog iets kwijt?', optional: true, rows: 4 }),
      },
    };
  }
  return { forms, views };
}

const scale = () => SCALE.map(({ value, label }) => ({ value: String(value), label }));

function surveyView(survey: PublicStatus['survey']) {
  if (!survey) return null;
  const label = (score: number) => SCALE.find((step) => step.value === score)?.label ?? String(score);
  const reopen = !survey.reopenRequested
    ? null
    : survey.reopenDecision === 'GRANTED'
      ? 'U vroeg ons uw klacht opnieuw te behandelen. Dat doen wij.'
      : survey.reopenDecision === 'DECLINED'
        ? 'U vroeg ons uw klacht opnieuw te behandelen. Dat doen wij niet, om deze reden:'
        : 'U vroeg ons uw klacht opnieuw te behandelen. Daarover beslissen wij nog.';
  return { handling: label(survey.handling), outcome: label(survey.outcome), reopen, declinedReason: survey.reopenDeclinedReason };
}

export function renderStatusPage(site: Site, page: StatusPageState): string {
  const { status } = page;
  const { forms, views } = actionForms(site, page);
  const summary = summaryOf(page.errors ?? new FormErrors(), []).concat(page.sent ? summaryOf(page.sent.state.errors, views) : []);
  const confirmation = page.code !== undefined;
  return site.renderer.render(
    'statusPage',
    { title: confirmation ? 'Uw klacht is ontvangen' : `Uw klacht ${status.reference}`, hasErrors: summary.length > 0, noindex: true },
    {
      confirmation,
      code: page.code ? grouped(page.code) : undefined,
      reference: status.reference,
      done: page.done,
      summary,
      summaryTitle: 'Dit is niet gelukt',
      link: `${PORTAL_PATH}/status/${page.token}`,
      minutes: STATUS_LINK_MINUTES,
      stage: STAGES[status.stage],
      receivedOn: dutchDay(status.receivedAt),
      handlerName: status.handlerName,
      nextStep: status.nextStep ? `${NEXT_STEPS[status.nextStep]}${status.nextStepDueDate ? `, uiterlijk ${dutchDate(status.nextStepDueDate)}` : ''}.` : null,
      answeredOn: status.answeredAt ? dutchDay(status.answeredAt) : null,
      objectionUntil: status.objectionUntil ? dutchDate(status.objectionUntil) : null,
      objectionFiledOn: status.objectionFiledAt ? dutchDay(status.objectionFiledAt) : null,
      closedOn: status.closedAt ? dutchDay(status.closedAt) : null,
      hearing: status.hearing
        ? {
            when: dutchMoment(status.hearing.at),
            form: HEARING_FORMS[status.hearing.form],
            location: status.hearing.location,
            accepted: status.hearing.accepted,
          }
        : null,
      letters: status.letters.map((letter) => ({ url: letter.url, subject: letter.subject, sentOn: dutchDay(letter.sentAt) })),
      survey: surveyView(status.survey),
      forms,
    },
  );
}
