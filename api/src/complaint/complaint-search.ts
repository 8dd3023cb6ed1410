import { Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, Int, ObjectType } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { Caller } from '../shared/caller';
import { LENGTH } from '../shared/lengths';
import { Complaint } from './complaint.entity';
import { restrictToVisible } from './visibility';

/** Where the headline marks a matched word (control characters, which no stored text can hold: the input guard refuses them). */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/** At most this many words of a search count; each is matched as a prefix (what is being typed). */
const MAX_TERMS = 8;

@ArgsType()
export class ComplaintSearchArgs {
  @Field({ description: 'Words of the name, the description or the service (Dutch: "uitkeringen" finds "uitkering"), or (the start of) a reference.' })
  @MaxLength(LENGTH.search)
  q: string;

  @Field(() => Int, { defaultValue: 10 })
  @Min(1)
  @Max(50)
  first: number = 10;
}

@ObjectType({ description: 'A complaint that matches a search, with how well, and where in its description.' })
export class ComplaintSearchHit {
  @Field(() => Complaint)
  complaint: Complaint;

  @Field(() => Float, { description: 'How well it matches (ts_rank; a reference match first).' })
  rank: number;

  @Field(() => String, {
    nullable: true,
    description: 'Up to two fragments of the description around the words found, each word between \\u0002 and \\u0003.',
  })
  headline: string | null;
}

@ObjectType()
export class ComplaintSearchResult {
  @Field(() => Int, { description: 'How many complaints the caller may see match.' })
  total: number;

  @Field(() => [ComplaintSearchHit], { description: 'The best matches first.' })
  hits: ComplaintSearchHit[];
}

/** The words of a search, as prefixes for to_tsquery: letters and digits only, so nothing else reaches its syntax. */
export function searchTerms(q: string): string[] {
  return (
    q
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  )
    .slice(0, MAX_TERMS)
    .map((word) => `${word.slice(0, 60)}:*`);
}

/** "KL-2026-0000", "kl2026", "2026-000042": the start of a reference, in its own spelling; null when the search is not one. */
export function referencePrefix(q: string): string | null {
  const match = /^(?:KL-?)?(\d{4})(?:-?(\d{0,6}))?$/i.exec(q.trim());
  if (!match) return /^KL-?$/i.test(q.trim()) ? 'KL-' : null;
  return `KL-${match[1]}${match[2] !== undefined ? `-${match[2]}` : ''}`;
}

/** "32", "000032": the number of a reference, in whichever year; null when the search is not one. */
export function referenceNumber(q: string): string | null {
  const match = /^\d{1,6}$/.exec(q.trim());
  return match && Number(match[0]) > 0 ? match[0].padStart(6, '0') : null;
}

/** An e-mail address as it is stored (lower case); null when the search is not one. */
const emailOf = (q: string): string | null => (/^[^\s@]+@[^\s@]+$/.test(q.trim()) ? q.trim().toLowerCase() : null);

/**
 * The search as SQL on a query of complaints (`alias`): the match (for a WHERE) and its rank, with their parameters;
 * null when the text has nothing to search by. The search box and the list's `q` filter both use it: words, (the start
 * of) a reference, the number of a reference in any year (one index lookup a year the counter has), an e-mail address.
 */
export function searchMatch(alias: string, q: string): { where: string; rank: string; tsquery: string | null; parameters: Record<string, string> } | null {
  const terms = searchTerms(q);
  const reference = referencePrefix(q);
  const number = referenceNumber(q);
  const email = emailOf(q);
  if (!terms.length && !reference && !email) return null;
  const parameters: Record<string, string> = {};
  terms.forEach((term, index) => (parameters[`term${index}`] = term));
  if (reference) parameters.reference = `${reference}%`;
  if (number) parameters.referenceNumber = number;
  if (email) parameters.email = email;
  const tsquery = terms.length
    ? terms.map((_, index) => `(to_tsquery('dutch', :term${index}) || to_tsquery('simple', :term${index}))`).join(' && ')
    : `''::tsquery`;
  const byReference =
    [
      reference ? `${alias}.reference LIKE :reference` : null,
      number ? `${alias}.reference IN (SELECT 'KL-' || year || '-' || :referenceNumber FROM complaint_reference_counter)` : null,
      email ? `EXISTS (SELECT 1 FROM complainant p WHERE p.id = ${alias}.complainant_id AND p.email = :email)` : null,
    ]
      .filter(Boolean)
      .join(' OR ') || 'false';
  return {
    where: `(${alias}.search_vector @@ (${tsquery}) OR ${byReference})`,
    rank: `(${byReference})::int + ts_rank(${alias}.search_vector, ${tsquery})`,
    tsquery: terms.length ? tsquery : null,
    parameters,
  };
}

/**
 * Search from anywhere (DOMAIN: reference, name, description): PostgreSQL full-text search over each complaint's
 * search_vector (the complainant's name as it is, the texts with Dutch stemming; GIN-indexed, kept by triggers), every
 * word as a prefix in both spellings, ranked; the start of a reference matches that. Only what the caller may see.
 * Two statements: the page with the total, then those complaints with their headlines.
 */
export async function searchComplaints(dataSource: DataSource, caller: Caller, q: string, first: number): Promise<ComplaintSearchResult> {
  const match = searchMatch('complaint', q);
  if (!match) return { total: 0, hits: [] };
  const query = dataSource
    .getRepository(Complaint)
    .createQueryBuilder('complaint')
    .select('complaint.id', 'id')
    .addSelect(match.rank, 'rank')
    .addSelect('count(*) OVER ()', 'total')
    .where(match.where)
    .setParameters(match.parameters);
  restrictToVisible(query, caller);
  const rows = (await query.orderBy('rank', 'DESC').addOrderBy('complaint.received_at', 'DESC').limit(first).getRawMany()) as Array<{
    id: string;
    rank: number;
    total: string;
  }>;
  if (!rows.length) return { total: 0, hits: [] };
  const ids = rows.map((row) => row.id);
  const headline = match.tsquery
    ? `ts_headline('dutch', complaint.description, ${match.tsquery}, 'StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=24, MinWords=8, MaxFragments=2, FragmentDelimiter=" … "')`
    : 'NULL::text';
  const { entities, raw } = await dataSource
    .getRepository(Complaint)
    .createQueryBuilder('complaint')
    .addSelect(headline, 'headline')
    .whereInIds(ids)
    .setParameters(match.parameters)
    .getRawAndEntities<{ complaint_id: string; headline: string | null }>();
  return {
    total: Number(rows[0].total),
    hits: rows.map((row) => ({
      complaint: entities.find((complaint) => complaint.id === row.id)!,
      rank: Number(row.rank),
      headline: raw.find((line) => line.complaint_id === row.id)?.headline ?? null,
    })),
  };
}
