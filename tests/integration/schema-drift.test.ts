/**
 * prisma/schema.prisma and the hand-written SQL in prisma/migrations cannot drift: this test migrates
 * a database and holds its catalog against the Prisma DMMF (read offline by Prisma's wasm).
 *
 * For every model: the table exists (@@map), and nothing in it is undeclared. For every scalar field:
 * the column (@map), its type (native types included), nullability (scalar lists are nullable arrays,
 * as Prisma creates them), and its database default (now() → CURRENT_TIMESTAMP, autoincrement() → an
 * owned sequence, literals compared by value in PostgreSQL; uuid()/cuid()/@updatedAt are client-side,
 * so no default). Enums: the type and its values in order. The primary key, every @unique/@@unique
 * (a unique index on exactly those columns), every @@index (same columns, order, direction, method),
 * with Prisma's default names or their `map:`. Every relation: a foreign key with the same columns,
 * referenced table and columns, ON DELETE (default Restrict when required, SetNull when optional) and
 * ON UPDATE (default Cascade). Also reported: tables, enums, unique indexes, foreign keys and plain
 * indexes the schema does not declare (Prisma's own diff would drop them). Not compared: triggers and
 * functions (e.g. the AuditLog append-only trigger), foreign key names.
 *
 * The negative tests below break a database (or a copy of the schema) on purpose and check that each
 * break is reported, naming the model and field, so this test cannot pass vacuously.
 */
import fs from "node:fs";
import path from "node:path";
import internals from "@prisma/internals";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./setup/database";

// @prisma/internals is CommonJS without named-export hints for Node's ESM loader.
const { getDMMF } = internals;

type Datamodel = Awaited<ReturnType<typeof getDMMF>>["datamodel"];
type Model = Datamodel["models"][number];
type Field = Model["fields"][number];
type Index = Datamodel["indexes"][number];

const schemaPath = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

/** Indexes written by hand in a migration on purpose (name → why). Keep this empty if you can. */
const ALLOWED_EXTRA_INDEXES: Record<string, string> = {};
/** Tables that belong to the tooling, not to the schema. */
const IGNORED_TABLES = new Set(["_prisma_migrations"]);

// ---------------------------------------------------------------------------------------------
// What the database has
// ---------------------------------------------------------------------------------------------

type DbColumn = {
  table: string;
  column: string;
  /** format_type(): "text", "timestamp(3) without time zone", "text[]", "\"ProjectRole\"", ... */
  type: string;
  notNull: boolean;
  default: string | null;
  /** The enum type of the column or of its array elements. */
  enumName: string | null;
  isArray: boolean;
  identity: string;
  serialSequence: string | null;
};
type DbIndex = {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  /** Key columns; null for an expression. */
  columns: (string | null)[];
  desc: boolean[];
  method: string;
  partial: boolean;
  hasInclude: boolean;
};
type DbForeignKey = {
  table: string;
  name: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
};
type Catalog = {
  tables: Set<string>;
  columns: Map<string, Map<string, DbColumn>>;
  indexes: DbIndex[];
  foreignKeys: DbForeignKey[];
  enums: Map<string, string[]>;
};

async function readCatalog(client: pg.ClientBase): Promise<Catalog> {
  const inSchema = "current_schema()::regnamespace";
  const tables = await client.query<{ name: string }>(
    `SELECT relname::text AS name FROM pg_class WHERE relnamespace = ${inSchema} AND relkind IN ('r', 'p')`,
  );
  const columns = await client.query<DbColumn>(`
    SELECT c.relname::text AS "table", a.attname::text AS "column",
           format_type(a.atttypid, a.atttypmod) AS "type", a.attnotnull AS "notNull",
           pg_get_expr(d.adbin, d.adrelid) AS "default",
           CASE WHEN t.typtype = 'e' THEN t.typname::text WHEN et.typtype = 'e' THEN et.typname::text END AS "enumName",
           t.typcategory = 'A' AS "isArray", a.attidentity::text AS "identity",
           pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS "serialSequence"
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE c.relnamespace = ${inSchema} AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`);
  const indexes = await client.query<DbIndex & { keyCount: number }>(`
    SELECT t.relname::text AS "table", i.relname::text AS "name", ix.indisunique AS "unique", ix.indisprimary AS "primary",
           ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                 LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "columns",
           ARRAY(SELECT (o & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY k(o, ord) ORDER BY k.ord) AS "desc",
           am.amname::text AS "method", ix.indpred IS NOT NULL AS "partial", ix.indnkeyatts AS "keyCount"
    FROM pg_index ix
    JOIN pg_class i ON i.oid = ix.indexrelid
    JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_am am ON am.oid = i.relam
    WHERE t.relnamespace = ${inSchema}`);
  const foreignKeys = await client.query<DbForeignKey>(`
    SELECT t.relname::text AS "table", con.conname::text AS "name", r.relname::text AS "refTable",
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS "columns",
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o) AS "refColumns",
           con.confdeltype::text AS "onDelete", con.confupdtype::text AS "onUpdate"
    FROM pg_constraint con
    JOIN pg_class t ON t.oid = con.conrelid
    JOIN pg_class r ON r.oid = con.confrelid
    WHERE con.contype = 'f' AND t.relnamespace = ${inSchema}`);
  const enums = await client.query<{ name: string; values: string[] }>(`
    SELECT t.typname::text AS "name", array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS "values"
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE t.typnamespace = ${inSchema}
    GROUP BY t.typname`);

  const byTable = new Map<string, Map<string, DbColumn>>();
  for (const c of columns.rows) {
    if (!byTable.has(c.table)) byTable.set(c.table, new Map());
    byTable.get(c.table)!.set(c.column, c);
  }
  return {
    tables: new Set(tables.rows.map((r) => r.name)),
    columns: byTable,
    indexes: indexes.rows.map(({ keyCount, ...ix }) => ({
      ...ix,
      columns: ix.columns.slice(0, keyCount),
      desc: ix.desc.slice(0, keyCount),
      hasInclude: ix.columns.length > keyCount,
    })),
    foreignKeys: foreignKeys.rows,
    enums: new Map(enums.rows.map((e) => [e.name, e.values])),
  };
}

// ---------------------------------------------------------------------------------------------
// What the schema says
// ---------------------------------------------------------------------------------------------

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Json: "jsonb",
  Bytes: "bytea",
};

const withArgs = (base: string, args: readonly string[]) =>
  args.length ? `${base}(${args.join(",")})` : base;
const NATIVE_TYPES: Record<string, (args: readonly string[]) => string> = {
  Text: () => "text",
  VarChar: (a) => withArgs("character varying", a),
  Char: (a) => withArgs("character", a.length ? a : ["1"]),
  Uuid: () => "uuid",
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  Real: () => "real",
  DoublePrecision: () => "double precision",
  Decimal: (a) => withArgs("numeric", a),
  Money: () => "money",
  Boolean: () => "boolean",
  Timestamp: (a) => `${withArgs("timestamp", a)} without time zone`,
  Timestamptz: (a) => `${withArgs("timestamp", a)} with time zone`,
  Time: (a) => `${withArgs("time", a)} without time zone`,
  Timetz: (a) => `${withArgs("time", a)} with time zone`,
  Date: () => "date",
  Json: () => "json",
  JsonB: () => "jsonb",
  ByteA: () => "bytea",
  Xml: () => "xml",
  Inet: () => "inet",
  Citext: () => "citext",
  Oid: () => "oid",
};

/** PostgreSQL's identifier limit, and Prisma's default constraint names within it. */
const MAX_IDENTIFIER = 63;
function prismaName(parts: readonly string[], suffix: string): string {
  const base = parts.join("_");
  return base.slice(0, MAX_IDENTIFIER - suffix.length - 1) + "_" + suffix;
}

const ON_DELETE_CODES: Record<string, string> = {
  a: "NoAction",
  r: "Restrict",
  c: "Cascade",
  n: "SetNull",
  d: "SetDefault",
};

const tableOf = (m: Model) => m.dbName ?? m.name;
const columnOf = (f: Field) => f.dbName ?? f.name;
const isScalar = (f: Field) => f.kind === "scalar" || f.kind === "enum";
const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);
const quoted = (cols: readonly (string | null)[]) =>
  cols.map((c) => (c === null ? "<expression>" : `"${c}"`)).join(", ");

function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

// ---------------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------------

/**
 * Every difference between the Prisma datamodel and the database `client` is connected to, one line
 * each, starting with the model (and field) it concerns. Empty when they match.
 */
async function schemaDrift(client: pg.ClientBase, datamodel: Datamodel): Promise<string[]> {
  const db = await readCatalog(client);
  const problems: string[] = [];
  const models = new Map(datamodel.models.map((m) => [m.name, m]));
  const enums = new Map(datamodel.enums.map((e) => [e.name, e]));
  const matchedIndexes = new Set<DbIndex>();
  const matchedForeignKeys = new Set<DbForeignKey>();

  // Enums
  for (const e of datamodel.enums) {
    const name = e.dbName ?? e.name;
    const values = e.values.map((v) => v.dbName ?? v.name);
    const actual = db.enums.get(name);
    if (!actual) problems.push(`enum ${e.name}: type "${name}" is missing`);
    else if (!sameList(actual, values))
      problems.push(
        `enum ${e.name}: values are (${actual.join(", ")}), the schema has (${values.join(", ")})`,
      );
  }
  const declaredEnums = new Set(datamodel.enums.map((e) => e.dbName ?? e.name));
  for (const name of db.enums.keys()) {
    if (!declaredEnums.has(name))
      problems.push(`enum type "${name}" is in the database but not in the schema`);
  }

  const literalDefaultMatches = async (col: DbColumn, value: string): Promise<boolean | string> => {
    if (col.default === null) return false;
    if (/\bnextval\(/i.test(col.default)) return false;
    try {
      const { rows } = await client.query<{ same: boolean }>(
        `SELECT (${col.default})::${col.type} IS NOT DISTINCT FROM $1::${col.type} AS same`,
        [value],
      );
      return rows[0]!.same;
    } catch (e) {
      return `cannot compare: ${(e as Error).message}`;
    }
  };

  for (const model of datamodel.models) {
    const table = tableOf(model);
    if (!db.tables.has(table)) {
      problems.push(`${model.name}: table "${table}" is missing`);
      continue;
    }
    const columns = db.columns.get(table) ?? new Map<string, DbColumn>();
    const fieldsByName = new Map(model.fields.map((f) => [f.name, f]));
    const colsOf = (names: readonly string[]) =>
      names.map((n) => (fieldsByName.get(n) ? columnOf(fieldsByName.get(n)!) : n));

    // Columns
    const declared = new Set<string>();
    for (const field of model.fields.filter(isScalar)) {
      const where = `${model.name}.${field.name}`;
      const column = columnOf(field);
      declared.add(column);
      const col = columns.get(column);
      if (!col) {
        problems.push(`${where}: column "${column}" is missing from table "${table}"`);
        continue;
      }

      // Type
      if (field.kind === "enum") {
        const e = enums.get(field.type);
        const typeName = e?.dbName ?? field.type;
        if (col.enumName !== typeName || col.isArray !== field.isList) {
          problems.push(
            `${where}: type is ${col.type}, the schema has enum ${typeName}${field.isList ? "[]" : ""}`,
          );
        }
      } else {
        let expected: string | undefined;
        if (field.nativeType) {
          const [name, args] = field.nativeType;
          const map = NATIVE_TYPES[name];
          if (!map)
            problems.push(
              `${where}: native type @db.${name} is not known to this test; add it to NATIVE_TYPES`,
            );
          else expected = map(args);
        } else {
          expected = SCALAR_TYPES[field.type];
          if (!expected)
            problems.push(
              `${where}: Prisma type ${field.type} is not known to this test; add it to SCALAR_TYPES`,
            );
        }
        if (expected) {
          if (field.isList) expected += "[]";
          if (col.type !== expected)
            problems.push(`${where}: type is ${col.type}, the schema needs ${expected}`);
        }
      }

      // Nullability: Prisma creates scalar lists as nullable arrays.
      const notNull = field.isList ? false : field.isRequired;
      if (col.notNull !== notNull) {
        problems.push(
          `${where}: column is ${col.notNull ? "NOT NULL" : "nullable"}, the schema needs ${notNull ? "NOT NULL" : "nullable"}`,
        );
      }
      if (col.identity)
        problems.push(`${where}: is an identity column; Prisma uses a sequence default (SERIAL)`);

      // Default
      const def = field.hasDefaultValue ? field.default : undefined;
      const has = col.default === null ? "none" : col.default;
      if (def === undefined || def === null) {
        if (col.default !== null) {
          const why = field.isUpdatedAt ? " (@updatedAt is set by the client)" : "";
          problems.push(`${where}: has database default ${col.default}, the schema declares none${why}`);
        }
      } else if (typeof def === "object" && !Array.isArray(def)) {
        const fn = def as { name: string; args: readonly (string | number)[] };
        switch (fn.name) {
          case "now":
            if (col.default !== "CURRENT_TIMESTAMP" && col.default !== "now()")
              problems.push(
                `${where}: default is ${has}, the schema needs CURRENT_TIMESTAMP (@default(now()))`,
              );
            break;
          case "autoincrement":
            if (!col.default || !/^nextval\('.+'::regclass\)$/.test(col.default) || !col.serialSequence)
              problems.push(
                `${where}: default is ${has}, the schema needs a sequence owned by the column (@default(autoincrement()))`,
              );
            break;
          case "uuid":
          case "cuid":
          case "nanoid":
          case "ulid":
            if (col.default !== null)
              problems.push(
                `${where}: has database default ${col.default}; @default(${fn.name}()) is generated by the client`,
              );
            break;
          case "dbgenerated": {
            const want = fn.args[0];
            const norm = (s: string) => s.replace(/\s+/g, "").toLowerCase();
            if (col.default === null || (typeof want === "string" && norm(col.default) !== norm(want)))
              problems.push(
                `${where}: default is ${has}, the schema needs ${want ?? "a database default"} (dbgenerated)`,
              );
            break;
          }
          default:
            problems.push(`${where}: default function ${fn.name}() is not known to this test`);
        }
      } else {
        // A literal (or a list of literals); compared by value in PostgreSQL, in the column's type.
        const literal = (v: unknown) =>
          field.kind === "enum"
            ? (enums.get(field.type)?.values.find((x) => x.name === v)?.dbName ?? String(v))
            : String(v);
        const text = Array.isArray(def) ? arrayLiteral(def.map(literal)) : literal(def);
        const same = await literalDefaultMatches(col, text);
        if (same !== true) {
          problems.push(
            `${where}: default is ${has}, the schema needs ${JSON.stringify(def)}${typeof same === "string" ? ` (${same})` : ""}`,
          );
        }
      }
    }
    for (const column of columns.keys()) {
      if (!declared.has(column))
        problems.push(`${model.name}."${column}": column is in table "${table}" but not in the schema`);
    }

    // Primary key, unique and plain indexes
    const tableIndexes = db.indexes.filter((ix) => ix.table === table);
    for (const index of datamodel.indexes.filter((ix: Index) => ix.model === model.name)) {
      const cols = colsOf(index.fields.map((f) => f.name));
      const desc = index.fields.map((f) => f.sortOrder === "desc");
      const fieldNames = index.fields.map((f) => f.name).join(", ");
      const label =
        index.type === "id"
          ? index.isDefinedOnField
            ? `${model.name}.${fieldNames} @id`
            : `${model.name} @@id([${fieldNames}])`
          : index.type === "unique"
            ? index.isDefinedOnField
              ? `${model.name}.${fieldNames} @unique`
              : `${model.name} @@unique([${fieldNames}])`
            : `${model.name} @@index([${fieldNames}])`;
      if (index.type === "fulltext") {
        problems.push(`${label}: fulltext indexes are not supported on PostgreSQL`);
        continue;
      }
      const suffix = index.type === "id" ? "pkey" : index.type === "unique" ? "key" : "idx";
      const expectedName =
        index.dbName ??
        (index.type === "id" ? prismaName([table], suffix) : prismaName([table, ...cols], suffix));
      const expectedMethod = (index.algorithm ?? "BTree").toLowerCase();
      const fits = (ix: DbIndex) =>
        !matchedIndexes.has(ix) &&
        sameList(ix.columns, cols) &&
        !ix.partial &&
        !ix.hasInclude &&
        (index.type === "id" ? ix.primary : index.type === "unique" ? ix.unique && !ix.primary : !ix.unique);
      const found =
        tableIndexes.find((ix) => fits(ix) && ix.name === expectedName) ?? tableIndexes.find(fits);
      if (!found) {
        const what =
          index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "non-unique index";
        problems.push(`${label}: no ${what} on (${quoted(cols)}) in table "${table}"`);
        continue;
      }
      matchedIndexes.add(found);
      if (found.name !== expectedName)
        problems.push(`${label}: index is named "${found.name}", Prisma names it "${expectedName}"`);
      if (!sameList(found.desc, desc))
        problems.push(`${label}: sort order differs (desc: ${found.desc.join(",")})`);
      if (found.method !== expectedMethod)
        problems.push(`${label}: index method is ${found.method}, the schema needs ${expectedMethod}`);
    }
    for (const ix of tableIndexes) {
      if (matchedIndexes.has(ix) || (!ix.unique && ALLOWED_EXTRA_INDEXES[ix.name])) continue;
      const what = ix.primary ? "primary key" : ix.unique ? "unique index" : "index";
      problems.push(
        `${model.name}: ${what} "${ix.name}" on (${quoted(ix.columns)}) is not declared in the schema`,
      );
    }

    // Foreign keys
    const tableForeignKeys = db.foreignKeys.filter((fk) => fk.table === table);
    for (const field of model.fields.filter((f) => f.kind === "object" && f.relationFromFields?.length)) {
      const where = `${model.name}.${field.name}`;
      const target = models.get(field.type)!;
      const targetFields = new Map(target.fields.map((f) => [f.name, f]));
      const cols = colsOf(field.relationFromFields!);
      const refTable = tableOf(target);
      const refCols = field.relationToFields!.map((n) =>
        targetFields.get(n) ? columnOf(targetFields.get(n)!) : n,
      );
      const fk = tableForeignKeys.find((k) => !matchedForeignKeys.has(k) && sameList(k.columns, cols));
      if (!fk) {
        problems.push(
          `${where}: no foreign key on (${quoted(cols)}) referencing "${refTable}"(${quoted(refCols)})`,
        );
        continue;
      }
      matchedForeignKeys.add(fk);
      if (fk.refTable !== refTable || !sameList(fk.refColumns, refCols)) {
        problems.push(
          `${where}: foreign key "${fk.name}" references "${fk.refTable}"(${quoted(fk.refColumns)}), the schema needs "${refTable}"(${quoted(refCols)})`,
        );
      }
      const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      const actualDelete = ON_DELETE_CODES[fk.onDelete] ?? fk.onDelete;
      const actualUpdate = ON_DELETE_CODES[fk.onUpdate] ?? fk.onUpdate;
      if (actualDelete !== onDelete)
        problems.push(
          `${where}: foreign key "${fk.name}" is ON DELETE ${actualDelete}, the schema needs ${onDelete}`,
        );
      if (actualUpdate !== onUpdate)
        problems.push(
          `${where}: foreign key "${fk.name}" is ON UPDATE ${actualUpdate}, the schema needs ${onUpdate}`,
        );
    }
    for (const fk of tableForeignKeys) {
      if (!matchedForeignKeys.has(fk))
        problems.push(
          `${model.name}: foreign key "${fk.name}" on (${quoted(fk.columns)}) → "${fk.refTable}" is not declared in the schema`,
        );
    }
  }

  const modelTables = new Set(datamodel.models.map(tableOf));
  for (const table of db.tables) {
    if (!modelTables.has(table) && !IGNORED_TABLES.has(table))
      problems.push(`table "${table}" is in the database but no model maps to it`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

const schemaText = fs.readFileSync(schemaPath, "utf8");
let datamodel: Datamodel;
const databases: TestDatabase[] = [];

async function driftOf(url: string, model: Datamodel = datamodel): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await schemaDrift(client, model);
  } finally {
    await client.end();
  }
}

async function migratedDatabase() {
  const d = await createTestDatabase();
  databases.push(d);
  return d;
}

/** Replace exactly one match in a copy of the schema; fails loudly when the anchor is gone. */
function edit(text: string, pattern: RegExp, replacement: string): string {
  const matches = text.match(
    new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"),
  );
  if (matches?.length !== 1)
    throw new Error(`schema edit: ${pattern} matched ${matches?.length ?? 0} times, expected once`);
  return text.replace(pattern, replacement);
}

beforeAll(async () => {
  datamodel = (await getDMMF({ datamodel: schemaText })).datamodel;
});
afterAll(() => Promise.all(databases.map((d) => d.drop())));

describe("schema drift", () => {
  it("the migrated database matches prisma/schema.prisma", async () => {
    expect(datamodel.models.length).toBeGreaterThan(10);
    const { url } = await migratedDatabase();
    expect(await driftOf(url)).toEqual([]);
  });

  it("reports each change made to a migrated database, naming the model and field", async () => {
    const { url } = await migratedDatabase();
    const breaks: [sql: string, ...reported: RegExp[]][] = [
      [
        `ALTER TABLE "Project" DROP COLUMN "description"`,
        /^Project\.description: column "description" is missing/,
      ],
      [
        `DROP INDEX "Output_promptId_idx"`,
        /^Output @@index\(\[promptId\]\): no non-unique index on \("promptId"\)/,
      ],
      [`DROP INDEX "user_email_key"`, /^User\.email @unique: no unique index on \("email"\)/],
      [
        `DROP INDEX "PromptReference_promptId_role_position_key"; CREATE UNIQUE INDEX "PromptReference_promptId_role_position_key" ON "PromptReference"("promptId", "position", "role")`,
        /^PromptReference @@unique\(\[promptId, role, position\]\): no unique index on \("promptId", "role", "position"\)/,
        /^PromptReference: unique index "PromptReference_promptId_role_position_key" on \("promptId", "position", "role"\) is not declared/,
      ],
      [
        `ALTER TABLE "session" ALTER COLUMN "token" DROP NOT NULL`,
        /^Session\.token: column is nullable, the schema needs NOT NULL/,
      ],
      [
        `ALTER TABLE "Asset" ALTER COLUMN "width" TYPE BIGINT`,
        /^Asset\.width: type is bigint, the schema needs integer/,
      ],
      [
        `ALTER TABLE "Study" ALTER COLUMN "status" SET DEFAULT 'active'`,
        /^Study\.status: default is 'active'::"StudyStatus", the schema needs "draft"/,
      ],
      [
        `ALTER TABLE "GenModel" ALTER COLUMN "config" SET DEFAULT '[]'`,
        /^GenModel\.config: default is '\[\]'::jsonb/,
      ],
      [
        `ALTER TABLE "JobRun" ALTER COLUMN "updatedAt" SET DEFAULT CURRENT_TIMESTAMP`,
        /^JobRun\.updatedAt: has database default CURRENT_TIMESTAMP.*@updatedAt/,
      ],
      [
        `ALTER TABLE "Project" ALTER COLUMN "id" SET DEFAULT gen_random_uuid()::text`,
        /^Project\.id: has database default .*@default\(uuid\(\)\) is generated by the client/,
      ],
      [
        `ALTER TABLE "AuditLog" ALTER COLUMN "id" DROP DEFAULT`,
        /^AuditLog\.id: default is none, the schema needs a sequence/,
      ],
      [
        `ALTER TABLE "Prompt" ALTER COLUMN "tags" SET NOT NULL`,
        /^Prompt\.tags: column is NOT NULL, the schema needs nullable/,
      ],
      [
        `ALTER TABLE "Prompt" ADD COLUMN "legacy" TEXT`,
        /^Prompt\."legacy": column is in table "Prompt" but not in the schema/,
      ],
      [
        `ALTER TYPE "JobStatus" ADD VALUE 'paused'`,
        /^enum JobStatus: values are \(queued, running, succeeded, failed, cancelled, paused\)/,
      ],
      [
        `ALTER TABLE "ApiKey" DROP CONSTRAINT "ApiKey_createdById_fkey", ADD CONSTRAINT "ApiKey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
        /^ApiKey\.createdBy: foreign key "ApiKey_createdById_fkey" is ON DELETE Cascade, the schema needs SetNull/,
      ],
      [
        `ALTER TABLE "Output" DROP CONSTRAINT "Output_assetId_fkey"`,
        /^Output\.asset: no foreign key on \("assetId"\) referencing "Asset"\("id"\)/,
      ],
      [
        `CREATE UNIQUE INDEX "GenModel_name_key" ON "GenModel"("name")`,
        /^GenModel: unique index "GenModel_name_key" on \("name"\) is not declared/,
      ],
      [
        `CREATE INDEX "Asset_mime_idx" ON "Asset"("mime")`,
        /^Asset: index "Asset_mime_idx" on \("mime"\) is not declared/,
      ],
      [
        `ALTER INDEX "Study_projectId_status_idx" RENAME TO "study_by_status"`,
        /^Study @@index\(\[projectId, status\]\): index is named "study_by_status", Prisma names it "Study_projectId_status_idx"/,
      ],
      [
        `ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id")`,
        /^AuditLog: foreign key "AuditLog_projectId_fkey" on \("projectId"\) → "Project" is not declared/,
      ],
      [
        `CREATE TABLE "Scratch" ("id" TEXT PRIMARY KEY)`,
        /^table "Scratch" is in the database but no model maps to it/,
      ],
    ];
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const [sql] of breaks) await client.query(sql);
    } finally {
      await client.end();
    }
    const problems = await driftOf(url);
    for (const [sql, ...reported] of breaks) {
      for (const re of reported) expect(problems, `after: ${sql}`).toContainEqual(expect.stringMatching(re));
    }
    // Each break is reported (once), and nothing else is.
    expect(problems).toHaveLength(breaks.reduce((n, [, ...reported]) => n + reported.length, 0));
  });

  it("reports what a changed copy of the schema declares and the database lacks", async () => {
    let changed = schemaText;
    changed = edit(changed, /^model Project \{$/m, "model Project {\n  archivedAt DateTime?");
    changed = edit(changed, /^(\s+isDemo\s+Boolean\s+@default\(false\))$/m, '$1 @map("is_demo")');
    changed = edit(changed, /^model PromptSet \{$/m, "model PromptSet {\n  @@index([name])");
    changed = edit(changed, /^model Asset \{$/m, "model Asset {\n  @@unique([kind, mime])");
    changed = edit(
      changed,
      /(asset\s+Asset\s+@relation\(fields: \[assetId\], references: \[id\], onDelete: )Restrict(\)\n(?:[^}\n]*\n)*?\s+@@unique\(\[modelId)/,
      "$1Cascade$2",
    );
    changed = edit(changed, /(^model GenModel \{[^}]*?description\s+String\s+@default\()""\)/m, '$1"none")');
    changed = edit(changed, /^(\s+attempts\s+Int\s+)@default\(0\)$/m, "$1@default(1)");
    changed = edit(changed, /^(\s+lastRequest\s+)BigInt$/m, "$1Int");
    changed = edit(changed, /^(\s+rater)$/m, "$1\n  guest");
    changed += "\nmodel Extra {\n  id String @id\n}\n";
    const model = (await getDMMF({ datamodel: changed })).datamodel;

    const { url } = await migratedDatabase();
    const problems = await driftOf(url, model);
    const expected = [
      /^Project\.archivedAt: column "archivedAt" is missing/,
      /^Project\.isDemo: column "is_demo" is missing/,
      /^Project\."isDemo": column is in table "Project" but not in the schema/,
      /^PromptSet @@index\(\[name\]\): no non-unique index on \("name"\)/,
      /^Asset @@unique\(\[kind, mime\]\): no unique index on \("kind", "mime"\)/,
      /^Output\.asset: foreign key "Output_assetId_fkey" is ON DELETE Restrict, the schema needs Cascade/,
      /^GenModel\.description: default is ''::text, the schema needs "none"/,
      /^JobRun\.attempts: default is 0, the schema needs 1/,
      /^RateLimit\.lastRequest: type is bigint, the schema needs integer/,
      /^enum ProjectRole: values are \(rater, reviewer, curator, researcher, owner\), the schema has \(rater, guest, reviewer/,
      /^Extra: table "Extra" is missing/,
    ];
    for (const re of expected) expect(problems).toContainEqual(expect.stringMatching(re));
    expect(problems).toHaveLength(expected.length);
  });
});
