// Times Twilio's segment calculator (npm sms-segments-calculator) on the
// texts TestWriteRealWorldTexts writes, in process CPU time, and counts the
// texts where its segment count differs from notelint's.
// Usage: node calculator-bench.js TEXTS.json (with the package installed).
const { SegmentedMessage } = require("sms-segments-calculator");
const texts = require(require("path").resolve(process.argv[2]));
let bytes = 0;
for (const t of texts) bytes += Buffer.byteLength(t.text);
let differ = 0;
for (const t of texts) if (new SegmentedMessage(t.text).segmentsCount !== t.segments) differ++;
for (let round = 0; round < 5; round++) {
  const start = process.cpuUsage();
  for (const t of texts) new SegmentedMessage(t.text).segmentsCount;
  const used = process.cpuUsage(start);
  const s = (used.user + used.system) / 1e6;
  console.log(`${texts.length} texts, ${bytes} bytes: ${s.toFixed(3)} s CPU, ${(bytes / 1e6 / s).toFixed(3)} MB/s`);
}
console.log(`${differ} texts with another segment count than notelint's`);
