/**
 * A D1 binding over `node:sqlite` for the self-hosted runtime: the same `prepare/bind/first/all/run/raw/
 * batch/exec` calls and result shapes the worker uses on Cloudflare, over one SQLite file in WAL mode.
 * Like D1, foreign keys are enforced, a batch is one transaction (all or nothing), and errors read
 * `D1_ERROR: <sqlite message>: SQLITE_<CODE>` so the worker's `/UNIQUE constraint failed: …/` checks match.
 * Node runs JavaScript on one thread and every call here is synchronous, so no other request can
 * interleave with a batch; other processes (a backup) wait on the busy timeout.
 */
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";

type Row = Record<string, unknown>;

/** Primary SQLite result codes by number, for D1-style error suffixes. */
const codeNames: Record<number, string> = {
  1: "SQLITE_ERROR",
  5: "SQLITE_BUSY",
  6: "SQLITE_LOCKED",
  8: "SQLITE_READONLY",
  13: "SQLITE_FULL",
  18: "SQLITE_TOOBIG",
  19: "SQLITE_CONSTRAINT",
  20: "SQLITE_MISMATCH",
  25: "SQLITE_RANGE",
};

/** An error as D1 words it, keeping the SQLite error as its cause. */
function d1Error(err: unknown): Error {
  if (!(err instanceof Error)) return new Error(`D1_ERROR: ${String(err)}`);
  const errcode = (err as { errcode?: number }).errcode;
  if (errcode === undefined) return err;
  const name = codeNames[errcode & 0xff] ?? "SQLITE_ERROR";
  return new Error(`D1_ERROR: ${err.message}: ${name}`, { cause: err });
}

/** A value as D1 accepts it for binding (checked at bind(), as D1 does): booleans become 0/1, bytes a blob. */
function bindable(value: unknown): SQLInputValue {
  if (value === undefined) throw new Error("D1_TYPE_ERROR: Type 'undefined' not supported for value 'undefined'");
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return value as SQLInputValue;
}

/** A row as D1 gives it: a plain object, blobs as arrays of byte values. */
function plainRow(row: Row): Row {
  const plain: Row = {};
  for (const [name, value] of Object.entries(row)) plain[name] = value instanceof Uint8Array ? [...value] : value;
  return plain;
}

interface Executed {
  rows: Row[];
  meta: D1Meta & Record<string, unknown>;
}

/** One SQLite connection shared by every statement of the binding. */
class Connection {
  readonly db: DatabaseSync;
  private readonly cache = new Map<string, StatementSync>();
  private readonly changes: StatementSync;
  private readonly totalChanges: StatementSync;

  constructor(file: string) {
    this.db = new DatabaseSync(file, { enableForeignKeyConstraints: true, timeout: 5000 });
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    this.changes = this.db.prepare("SELECT changes() AS changes, last_insert_rowid() AS last_row_id");
    this.totalChanges = this.db.prepare("SELECT total_changes() AS n");
  }

  statement(sql: string): StatementSync {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  execute(sql: string, params: readonly SQLInputValue[]): Executed {
    const started = performance.now();
    const stmt = this.statement(sql);
    const before = this.totalChanges.get() as { n: number };
    const rows = (stmt.all(...params) as Row[]).map(plainRow);
    const after = this.totalChanges.get() as { n: number };
    const written = after.n - before.n;
    const { changes, last_row_id } = this.changes.get() as { changes: number; last_row_id: number };
    return {
      rows,
      meta: {
        duration: performance.now() - started,
        size_after: 0,
        rows_read: rows.length,
        rows_written: written,
        last_row_id,
        changed_db: written > 0,
        // changes() keeps the last writing statement's count; a SELECT changed nothing
        changes: written > 0 ? changes : 0,
        served_by: "node:sqlite",
      },
    };
  }
}

/** One bound statement, as `D1PreparedStatement`. */
class NodeD1Statement {
  private readonly connection: Connection;
  readonly sql: string;
  readonly params: readonly unknown[];

  constructor(connection: Connection, sql: string, params: readonly unknown[] = []) {
    this.connection = connection;
    this.sql = sql;
    this.params = params;
  }

  bind(...values: unknown[]): NodeD1Statement {
    return new NodeD1Statement(this.connection, this.sql, values.map(bindable));
  }

  /** Runs the statement, turning SQLite errors into D1-worded ones. */
  execute(): Executed {
    try {
      return this.connection.execute(this.sql, this.params as SQLInputValue[]);
    } catch (err) {
      throw d1Error(err);
    }
  }

  result(executed = this.execute()): D1Result<Row> {
    return { success: true, results: executed.rows, meta: executed.meta };
  }

  async first<T = Row>(column?: string): Promise<T | null> {
    const row = this.execute().rows[0];
    if (!row) return null;
    if (column === undefined) return row as T;
    if (!(column in row)) throw new Error("D1_COLUMN_NOTFOUND: Column not found");
    return row[column] as T;
  }

  async all<T = Row>(): Promise<D1Result<T>> {
    return this.result() as D1Result<T>;
  }

  async run<T = Row>(): Promise<D1Result<T>> {
    return this.result() as D1Result<T>;
  }

  async raw<T = unknown[]>(options?: { columnNames?: boolean }): Promise<T[]> {
    const { rows } = this.execute();
    const columns = this.columns();
    const values = rows.map((row) => columns.map((c) => row[c])) as T[];
    return options?.columnNames ? [columns as T, ...values] : values;
  }

  private columns(): string[] {
    return this.connection
      .statement(this.sql)
      .columns()
      .map((c) => c.name);
  }
}

/**
 * The `DB` binding over a SQLite file (created if missing).
 * @example const env = { DB: openD1("data/cunma.sqlite") }; await env.DB.prepare("SELECT 1 AS one").first("one") // 1
 */
export function openD1(file: string): D1Database & { close(): void; sqlite: DatabaseSync } {
  const connection = new Connection(file);
  const db = connection.db;
  const binding = {
    sqlite: db,
    prepare: (sql: string) => new NodeD1Statement(connection, sql),
    async batch<T = Row>(statements: NodeD1Statement[]): Promise<D1Result<T>[]> {
      db.exec("BEGIN IMMEDIATE");
      try {
        const results = statements.map((s) => s.result());
        db.exec("COMMIT");
        return results as D1Result<T>[];
      } catch (err) {
        if (db.isTransaction) db.exec("ROLLBACK");
        throw err;
      }
    },
    async exec(sql: string): Promise<D1ExecResult> {
      const started = performance.now();
      try {
        db.exec(sql);
      } catch (err) {
        throw d1Error(err);
      }
      const count = sql.split(";").filter((part) => part.trim() !== "").length;
      return { count, duration: performance.now() - started };
    },
    withSession: () => binding,
    async dump(): Promise<ArrayBuffer> {
      throw new Error("D1_DUMP_ERROR: dump is not supported; use npm run backup");
    },
    close: () => db.close(),
  };
  return binding as unknown as D1Database & { close(): void; sqlite: DatabaseSync };
}
