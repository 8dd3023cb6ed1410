import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslate } from 'react-admin';
import { useEnumLabel } from './chips';
import { formatDateTime } from './format';
import { Item, Panel, StaffLink } from './panel';
import type { ComplaintRecord } from './types';

/** "4 van 5 — tevreden": a score of the survey in words (1 very dissatisfied … 5 very satisfied). */
const SCORE_WORDS = ['app.satisfaction.score1', 'app.satisfaction.score2', 'app.satisfaction.score3', 'app.satisfaction.score4', 'app.satisfaction.score5'];

/**
 * The complainant asks to reopen the complaint (the survey, online): above the page, for whoever may decide it
 * (the buttons Heropenen / Heropening afwijzen come with availableActions).
 */
export const ReopenRequestBanner = ({ record }: { record: ComplaintRecord }) => {
  const translate = useTranslate();
  if (!record.reopenRequestedAt) return null;
  const since = formatDateTime(record.reopenRequestedAt);
  const comment = record.satisfactionSurvey?.comment;
  return (
    <Alert severity="warning" role="status" data-reopen="requested">
      <AlertTitle>{translate('app.satisfaction.reopenTitle')}</AlertTitle>
      {comment ? translate('app.satisfaction.reopenSinceComment', { since, comment }) : translate('app.satisfaction.reopenSince', { since })}{' '}
      {translate('app.satisfaction.reopenWhatToDo')}
    </Alert>
  );
};

/** What the complainant answered in the satisfaction survey: the handling and the outcome apart (ISO 10002), and a request to reopen. */
export const SatisfactionPanel = ({ record }: { record: ComplaintRecord }) => {
  const label = useEnumLabel();
  const translate = useTranslate();
  const score = (value: number) => translate('app.satisfaction.score', { value, words: SCORE_WORDS[value - 1] ? translate(SCORE_WORDS[value - 1]) : '' });
  const survey = record.satisfactionSurvey;
  if (!survey) return null;
  return (
    <Panel title="app.satisfaction.title">
      <Item label="app.satisfaction.handling">{score(survey.handlingScore)}</Item>
      <Item label="app.satisfaction.outcome">{score(survey.outcomeScore)}</Item>
      <Item label="app.satisfaction.comment">{survey.comment}</Item>
      <Item label="app.satisfaction.answeredAt">{formatDateTime(survey.answeredAt)}</Item>
      <Item label="app.satisfaction.reopenRequest">
        {survey.reopenRequested ? (
          survey.reopenDecision ? (
            <>
              {translate('app.satisfaction.decidedOn', {
                decision: label('ReopenDecision', survey.reopenDecision),
                at: formatDateTime(survey.reopenDecidedAt),
              })}
              {survey.reopenDecidedBy ? (
                <>
                  {' '}
                  {translate('app.satisfaction.decidedBy')} <StaffLink staff={survey.reopenDecidedBy} />
                </>
              ) : null}
              {survey.reopenDecisionNote ? `: ${survey.reopenDecisionNote}` : ''}
            </>
          ) : (
            translate('app.satisfaction.notDecided')
          )
        ) : null}
      </Item>
    </Panel>
  );
};
