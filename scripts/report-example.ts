// `npm run report:example`: regenerates the committed example report, reports/hetero.html, from
// the bundled hetero scenario (the policies its header suggests), then `report:shot` takes
// reports/hetero.png. The intermediate result goes to results/ (not committed).
import { main } from '../src/cli/main.js';
import { loadResult } from '../src/report/load-result.js';
import { writeReport } from '../src/report/write-report.js';

const SCENARIO = 'scenarios/hetero.yaml';
const POLICIES =
  'sed,jsq,least-work-left,power-of-d,power-of-d:mode=weighted,weighted-random,round-robin,shared-queue';
const RESULT = 'results/hetero.json';
const OUT = 'reports/hetero.html';

const compare = ['compare', SCENARIO, '--policies', POLICIES, '--format', 'json', '--out', RESULT, '--quiet'];
const code = await main(compare);
if (code !== 0) process.exit(code);
const command = `orchlab ${compare.slice(0, -1).join(' ')} && orchlab report ${RESULT} --out ${OUT}`;
await writeReport(loadResult(RESULT), OUT, { command, source: RESULT });
console.error(`wrote ${OUT}`);
