import type { DataSource } from 'typeorm';

/**
 * Several SELECTs of the same columns sent as one statement (UNION ALL), so that a region's
 * targets cost one round trip per kind of input rather than one per target. Each branch is
 * written with its own parameters numbered from $1 (renumbered here) and gets a leading column
 * `t`, its index; identical branches (same SQL, same parameters) are sent once and shared.
 * `orderBy` names output columns after `t`: each branch's rows come back in that order.
 */
export class StatementBatch<Row extends object> {
  private readonly branches: { sql: string; params: unknown[] }[] = [];
  private readonly byKey = new Map<string, number>();

  constructor(private readonly orderBy: string) {}

  /** Adds a branch (`SELECT <columns> FROM …`, no ORDER BY); returns its index for `rowsOf`. */
  add(select: string, params: unknown[]): number {
    const key = `${select}\u0000${JSON.stringify(params)}`;
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    this.branches.push({ sql: select, params });
    this.byKey.set(key, this.branches.length - 1);
    return this.branches.length - 1;
  }

  /** Runs every branch in one statement; the rows of each branch by its index (none run when there is no branch). */
  async run(dataSource: DataSource): Promise<Row[][]> {
    const rows: Row[][] = this.branches.map(() => []);
    if (this.branches.length === 0) return rows;
    const params: unknown[] = [];
    const parts = this.branches.map((branch, index) => {
      const offset = params.length;
      params.push(...branch.params);
      const sql = branch.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`).replace(/^\s*SELECT\s/i, `SELECT ${index} AS t, `);
      return `(${sql})`;
    });
    const all: (Row & { t: number })[] = await dataSource.query(`${parts.join('\nUNION ALL\n')}\nORDER BY t${this.orderBy ? `, ${this.orderBy}` : ''}`, params);
    for (const row of all) rows[row.t].push(row);
    return rows;
  }
}
