/**
 * Builds `data/corpus.json` from the author profile and the verified facts:
 * `npm run corpus`. A unit test runs {@link generateCorpusJson} and fails when
 * the committed file differs, so edit the sources and rerun this.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCorpusContent, finalizeCorpus } from '../lib/corpus/build';
import { parseProfile } from '../lib/corpus/parse-profile';
import { PaperFactsSchema } from '../lib/corpus/schema';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
export const CORPUS_PATH = here('./corpus.json');

/** The exact text `npm run corpus` writes to `data/corpus.json`. */
export function generateCorpusJson(): string {
  const profile = parseProfile(readFileSync(here('./author-profile.txt'), 'utf8'));
  const facts = PaperFactsSchema.parse(JSON.parse(readFileSync(here('./paper-facts.json'), 'utf8')));
  const corpus = finalizeCorpus(buildCorpusContent(profile, facts), (text) =>
    createHash('sha256').update(text).digest('hex'),
  );
  return `${JSON.stringify(corpus, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CORPUS_PATH, generateCorpusJson());
  console.log(`wrote ${CORPUS_PATH}`);
}
