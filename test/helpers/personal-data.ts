import { Client } from 'pg';

export interface Finding {
  table: string;
  column: string;
  rows: number;
  needle: string;
}

/**
 * Every column of every table that can hold text — varchar, text, char, json, jsonb, bytea, tsvector (a search
 * document holds the words) and arrays of them, in
 * every schema of the database (public, pgboss, ...), found in the catalogue rather than listed — searched for each
 * needle, case-insensitively (bytea: the needle's UTF-8 bytes). Run as the owner, who may read everything.
 */
export async function findPersonalData(ownerUrl: string, needles: string[]): Promise<Finding[]> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows: columns } = await client.query<{ schema: string; table: string; column: string; type: string }>(
      `SELECT c.table_schema AS schema, c.table_name AS "table", c.column_name AS "column", c.udt_name AS type
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
         AND c.udt_name IN ('varchar', 'text', 'bpchar', 'json', 'jsonb', 'bytea', '_varchar', '_text', 'citext', 'tsvector')`,
    );
    const findings: Finding[] = [];
    for (const { schema, table, column, type } of columns) {
      const name = `${client.escapeIdentifier(schema)}.${client.escapeIdentifier(table)}`;
      const col = client.escapeIdentifier(column);
      for (const needle of needles) {
        const predicate = type === 'bytea' ? `position(convert_to($1, 'UTF8') in ${col}) > 0` : `${col}::text ILIKE '%' || $1 || '%'`;
        const { rows } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${name} WHERE ${predicate}`, [needle]);
        if (rows[0].count > 0) findings.push({ table: `${schema}.${table}`, column, rows: rows[0].count, needle });
      }
    }
    return findings;
  } finally {
    await client.end();
  }
}

/** The number of columns the search covers (so a test can say it searched more than a handful). */
export async function textColumnCount(ownerUrl: string): Promise<number> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
       WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
         AND c.udt_name IN ('varchar', 'text', 'bpchar', 'json', 'jsonb', 'bytea', '_varchar', '_text', 'citext', 'tsvector')`,
    );
    return rows[0].count;
  } finally {
    await client.end();
  }
}
