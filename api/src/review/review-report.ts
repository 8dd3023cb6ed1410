import { SIGNIFICANCE } from './trends';
import { MeasureStatus, ReviewStatus, type Measure, type Review } from './review.entity';
import type { ReviewFigures } from './review.types';
import { DEADLINE_KIND_NAMES, TREND_DIMENSION_NAMES } from '../shared/dutch-names';

const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The review as a readable Markdown report, in Dutch: figures next to the previous period, trends, findings, measures
 * with their owners. Deadlines and trend dimensions by their Dutch names, decimals with a comma ("6,0").
 */
export function reviewReport(review: Review, figures: ReviewFigures, measures: Measure[], owners: Map<string, string>): string {
  const pct = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
  const num = (value: number | null) => (value === null ? '–' : oneDecimal.format(value));
  const row = (label: string, now: string | number, before: string | number) => `| ${label} | ${now} | ${before} |`;
  const { current: c, previous: p } = figures;
  const lines = [
    `# Klachteninventarisatie ${figures.periodStart} – ${figures.periodEnd}`,
    '',
    `Status: ${review.status === ReviewStatus.CLOSED ? 'afgesloten' : 'open'}. Vergeleken met ${figures.previousStart} – ${figures.previousEnd}.`,
    '',
    '## Kerncijfers',
    '',
    '| | deze periode | vorige periode |',
    '| --- | --- | --- |',
    row('Klachten', c.complaints, p.complaints),
    row('Meldingen (direct opgelost)', c.signals, p.signals),
    row('(Deels) gegrond', pct(c.wellFoundedShare), pct(p.wellFoundedShare)),
    row('Eerste contact, mediaan werkdagen', num(c.toAcknowledgement.median), num(p.toAcknowledgement.median)),
    row('Antwoord, mediaan werkdagen', num(c.toResponse.median), num(p.toResponse.median)),
    row('Antwoord, 90e percentiel werkdagen', num(c.toResponse.p90), num(p.toResponse.p90)),
    row('Bezwaren', c.objections, p.objections),
    row('Hoorzittingen', c.hearingsHeld, p.hearingsHeld),
    row('Doorverwijzingen', c.referrals, p.referrals),
    row('Tevredenheid, gepeild door medewerkers (1–5)', num(c.averageSatisfaction), num(p.averageSatisfaction)),
    row('Enquête: tevredenheid over de afhandeling (1–5)', num(c.surveyHandling), num(p.surveyHandling)),
    row('Enquête: tevredenheid over de uitkomst (1–5)', num(c.surveyOutcome), num(p.surveyOutcome)),
    row('Enquêtes ingevuld', c.surveyResponses, p.surveyResponses),
    row('Verzoeken om heropening', c.reopenRequests, p.reopenRequests),
    '',
    '## Termijnen',
    '',
    '| termijn | op tijd | te laat | verlopen | open |',
    '| --- | --- | --- | --- | --- |',
    ...c.compliance.map((d) => `| ${DEADLINE_KIND_NAMES[d.kind]} | ${d.onTime} | ${d.late} | ${d.breached} | ${d.open} |`),
    '',
    '## Trends per categorie, eenheid en medewerker',
    '',
    `Een stijging is gemarkeerd (⚑) als die bij een gelijkblijvend aantal klachten met minder dan ${SIGNIFICANCE * 100}% kans toevallig zou optreden (eenzijdige binomiale toets).`,
    '',
    '| | soort | nu | vorige | verwacht | kans | toelichting |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...figures.trends.map(
      (t) =>
        `| ${t.flagged ? '⚑' : ''} ${t.label} | ${TREND_DIMENSION_NAMES[t.dimension]} | ${t.current} | ${t.previous} | ${num(t.expected)} | ${num(t.pValue * 100)}% | ${t.explanation} |`,
    ),
    '',
    '## Bevindingen',
    '',
    review.findings ?? '_Nog geen bevindingen vastgelegd._',
    '',
    '## Maatregelen',
    '',
    ...(measures.length
      ? [
          '| maatregel | eigenaar | uiterlijk | status | klachten |',
          '| --- | --- | --- | --- | --- |',
          ...measures.map(
            (m) =>
              `| ${m.description} | ${owners.get(m.ownerId) ?? '?'} | ${m.dueDate} | ${m.status === MeasureStatus.DONE ? 'gereed' : 'open'} | ${m.complaintIds.length} |`,
          ),
        ]
      : ['_Geen maatregelen._']),
    '',
  ];
  return lines.join('\n');
}
