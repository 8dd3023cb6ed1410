import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useEnumLabel } from './chips';
import { formatDateTime } from './format';
import { Item, Panel, StaffLink } from './panel';
import type { ComplaintRecord } from './types';

/** "4 van 5 — tevreden": a score of the survey in words (1 very dissatisfied … 5 very satisfied). */
const SCORE_WORDS = ['zeer ontevreden', 'ontevreden', 'neutraal', 'tevreden', 'zeer tevreden'];
const score = (value: number) => `${value} van 5 — ${SCORE_WORDS[value - 1] ?? ''}`;

/**
 * The complainant asks to reopen the complaint (the survey, online): above the page, for whoever may decide it
 * (the buttons Heropenen / Heropening afwijzen come with availableActions).
 */
export const ReopenRequestBanner = ({ record }: { record: ComplaintRecord }) =>
  record.reopenRequestedAt ? (
    <Alert severity="warning" role="status" data-reopen="requested">
      <AlertTitle>De klager vraagt om heropening</AlertTitle>
      Sinds {formatDateTime(record.reopenRequestedAt)}, in de tevredenheidsenquête
      {record.satisfactionSurvey?.comment ? `: “${record.satisfactionSurvey.comment}”` : '.'} Heropen de klacht, of wijs het verzoek af met een reden die de
      klager op de statuspagina leest.
    </Alert>
  ) : null;

/** What the complainant answered in the satisfaction survey: the handling and the outcome apart (ISO 10002), and a request to reopen. */
export const SatisfactionPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const survey = record.satisfactionSurvey;
  if (!survey) return null;
  return (
    <Panel title="Tevredenheid (enquête)">
      <Item label="Over de afhandeling">{score(survey.handlingScore)}</Item>
      <Item label="Over de uitkomst">{score(survey.outcomeScore)}</Item>
      <Item label="Opmerking">{survey.comment}</Item>
      <Item label="Ingevuld op">{formatDateTime(survey.answeredAt)}</Item>
      <Item label="Verzoek om heropening">
        {survey.reopenRequested ? (
          survey.reopenDecision ? (
            <>
              {label('ReopenDecision', survey.reopenDecision)} op {formatDateTime(survey.reopenDecidedAt)}
              {survey.reopenDecidedBy ? (
                <>
                  {' '}
                  door <StaffLink staff={survey.reopenDecidedBy} />
                </>
              ) : null}
              {survey.reopenDecisionNote ? `: ${survey.reopenDecisionNote}` : ''}
            </>
          ) : (
            'Gevraagd, nog niet beslist'
          )
        ) : null}
      </Item>
    </Panel>
  );
};
