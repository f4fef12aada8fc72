/**
 * `npm run train:ner`: trains the NER tagger (src/core/entities/ner/) on every People's Daily 1998
 * dev sentence and writes the shipped model, seeds/ner-zh.json. The dev set is then training
 * data: `npm run eval ner` scores the tagger by k-fold cross-validation, never the shipped model.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { projectFile } from '../src/core/project-files.ts';
import { serialize, train } from '../src/core/entities/ner/perceptron.ts';
import { MODEL_PATH, setNerModel } from '../src/core/entities/ner/tagger.ts';
import { loadRows, NER_FILE, prepare, trainingSet } from './eval/ner-data.ts';
import { COPIES, EPOCHS, MIN_COUNT, PRUNE } from './eval/ner.ts';

// Features are built with the rules alone, whatever model is on disk.
setNerModel(null);
const t0 = performance.now();
const rows = loadRows();
const { examples } = prepare(rows);
const model = train(trainingSet(rows, examples, COPIES), { epochs: EPOCHS, prune: PRUNE, minCount: MIN_COUNT });
const file = projectFile(...MODEL_PATH);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, serialize(model));
console.log(`${NER_FILE}: ${rows.length} sentences + ${COPIES} swapped copies, ${EPOCHS} epochs, prune ${PRUNE}, min count ${MIN_COUNT}`);
console.log(`${file}: ${model.weights.size} features, ${(statSync(file).size / 1e6).toFixed(2)} MB (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
