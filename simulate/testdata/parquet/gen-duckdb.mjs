// Writes the DuckDB Parquet fixtures of simulate/reader_parquet_test.go from
// examples/simulate/events.csv. DuckDB's Node API is not a dependency of the
// repository: install it in a scratch directory and run the script there:
//
//   cd "$(mktemp -d)" && npm install @duckdb/node-api
//   node /path/to/notelint/simulate/testdata/parquet/gen-duckdb.mjs /path/to/notelint
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.cwd(), 'gen.js'));
const { DuckDBInstance } = require('@duckdb/node-api');

const repo = process.argv[2];
const csv = join(repo, 'examples/simulate/events.csv');
const out = join(repo, 'simulate/testdata/parquet');

const inst = await DuckDBInstance.create(':memory:');
const con = await inst.connect();
const run = (sql) => con.run(sql);

await run(`SET TimeZone = 'Europe/Berlin'`);
// The example's timestamps are wall times in Europe/Berlin (the policy's zone).
await run(`CREATE TABLE ev AS SELECT customer_id, entity_id, CAST(timestamp AS TIMESTAMP) AS ts, status
           FROM read_csv('${csv}', all_varchar = true, header = true)`);
await run(`CREATE TABLE evz AS SELECT *, CAST(ts AS TIMESTAMPTZ) AS tsz FROM ev`);

const fixtures = [
  // name, select, options
  ['duckdb-snappy-local', `SELECT customer_id, entity_id, ts AS timestamp, status FROM ev`, `COMPRESSION snappy`],
  ['duckdb-zstd-utc', `SELECT customer_id, entity_id, tsz AS timestamp, status FROM evz`, `COMPRESSION zstd, ROW_GROUP_SIZE 1000`],
  ['duckdb-gzip-plain-unix-seconds', `SELECT customer_id, entity_id, CAST(epoch(tsz) AS BIGINT) AS timestamp, status FROM evz`, `COMPRESSION gzip, DICTIONARY_SIZE_LIMIT 1`],
  ['duckdb-none-unix-millis', `SELECT customer_id, entity_id, epoch_ms(tsz) AS timestamp, status FROM evz`, `COMPRESSION uncompressed`],
  ['duckdb-v2-local-millis', `SELECT customer_id, entity_id, CAST(ts AS TIMESTAMP_MS) AS timestamp, status FROM ev`, `COMPRESSION snappy, PARQUET_VERSION v2`],
  ['duckdb-v2-zstd-local-nanos', `SELECT customer_id, entity_id, CAST(ts AS TIMESTAMP_NS) AS timestamp, status FROM ev`, `COMPRESSION zstd, PARQUET_VERSION v2, DICTIONARY_SIZE_LIMIT 1`],
];
for (const [name, select, opts] of fixtures) {
  await run(`COPY (${select}) TO '${join(out, name + '.parquet')}' (FORMAT parquet, ${opts})`);
}
// A hive-partitioned dataset: four buckets of customers (the bucket is a
// directory, not a column).
await run(`COPY (SELECT customer_id, entity_id, tsz AS timestamp, status, hash(customer_id) % 4 AS bucket FROM evz)
           TO '${join(out, 'hive')}' (FORMAT parquet, PARTITION_BY (bucket), OVERWRITE_OR_IGNORE)`);
// Partitioned by status: the status comes from the directory names only.
await run(`COPY (SELECT customer_id, entity_id, tsz AS timestamp, status FROM evz WHERE customer_id IN ('C0001', 'C0002', 'C0003'))
           TO '${join(out, 'hive-status')}' (FORMAT parquet, PARTITION_BY (status), OVERWRITE_OR_IGNORE)`);
// Bad input: a status column of INT32, and a null customer_id in row 3.
await run(`COPY (SELECT customer_id, entity_id, ts AS timestamp, CAST(length(status) AS INTEGER) AS status FROM ev LIMIT 5)
           TO '${join(out, 'bad-status-int32.parquet')}' (FORMAT parquet)`);
await run(`COPY (SELECT CASE WHEN row_number() OVER () = 3 THEN NULL ELSE customer_id END AS customer_id, entity_id, ts AS timestamp, status FROM (SELECT * FROM ev LIMIT 5))
           TO '${join(out, 'bad-null-customer.parquet')}' (FORMAT parquet)`);
