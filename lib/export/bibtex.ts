import type { LibraryPaper as Paper } from '../library/schema';
import { nameKey } from '../names';
import type { ReadingListEntry } from '../reading-list/schema';
import { latexToText, symbolsToLatex } from '../text/latex';
import { normalizeText } from '../text/normalize';
import { compareIds, type EntryFacts, entryFacts, exportOrder, type PapersById } from './facts';

/*
 * BibTeX for Zotero, BibLaTeX/Biber and classic BibTeX, written as UTF-8
 * (names keep their diacritics: `Pióro`, not `Pi{\'o}ro`).
 *
 * - Every text value is escaped, and braces become `\textbraceleft{}` /
 *   `\textbraceright{}` rather than `\{` / `\}`: BibTeX counts braces even when
 *   escaped, so a lone `{` in a page's link text would otherwise end the entry.
 * - Corpus titles keep their math: the profile's `$μ$-Parametrization` becomes
 *   `{$\mu$}-Parametrization`. Any other title is plain text.
 * - Words with capitals past their first letter (`MoE`, `TTS`, `MoE-Mamba`) are
 *   braced so styles that lower-case titles leave them alone; the rest of the
 *   title is left to the style.
 */

/** Text-mode replacements for the characters (La)TeX treats specially. */
const SPECIALS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // In TeX's default OT1 encoding these print as `¡`, `¿` and `—`.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Escapes text for a braced BibTeX value: `50% & more` → `50\% \& more`. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^<>|]/g, (ch) => SPECIALS[ch] ?? ch);
}

/** Words whose capitals a style must not lower-case: a capital after the first letter of any hyphenated part. */
function needsCaseProtection(word: string): boolean {
  return word.split(/[-/]/).some((part) => /^.[^\p{Lu}]*\p{Lu}/u.test(part.replace(/^[^\p{L}\p{N}]+/u, '')));
}

/** A plain-text title, escaped, with case-sensitive words braced. */
function plainTitle(text: string): string {
  return text
    .split(/(\s+)/)
    .map((word, index) => {
      if (index % 2 === 1) return ' ';
      const escaped = escapeBibtex(word);
      return needsCaseProtection(word) ? `{${escaped}}` : escaped;
    })
    .join('');
}

/** Inline math that is safe to copy as it is: no braces, comments or parameters, only letters' macros. */
const SAFE_MATH = /^(?:[^%#{}\\$]|\\[A-Za-z]+ ?)+$/;

/** A corpus title: its math spans as braced LaTeX math, the text between as {@link plainTitle}. */
function corpusTitle(paper: Paper): string {
  const parts = paper.title.split(/(?<!\\)\$/);
  // An odd number of parts means the dollars pair up; otherwise the display title is the safe choice.
  if (parts.length % 2 === 0 || parts.some((part, index) => index % 2 === 1 && !SAFE_MATH.test(part))) {
    return plainTitle(paper.displayTitle);
  }
  return parts
    .map((part, index) => (index % 2 === 1 ? `{$${symbolsToLatex(part)}$}` : plainTitle(latexToText(part))))
    .join('');
}

/** `Maciej Pióro` stays as written (BibTeX splits given, von and family parts itself); a one-word name is braced as a literal. */
function bibtexName(name: string): string {
  const escaped = escapeBibtex(name.trim());
  return /\s/.test(name.trim()) ? escaped : `{${escaped}}`;
}

/** Keywords are a plain list split on `,` and `;`, so separators and command characters in a tag become spaces. */
function keyword(tag: string): string {
  return tag
    .replace(/[{}\\,;%#]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'and', 'in', 'to', 'with', 'from', 'by', 'at', 'is']);

/** The key before deduplication: `ludziejewski2024scaling`, or `arxiv2402_07871` without authors. */
function baseKey(facts: EntryFacts): string {
  const [first] = facts.authors;
  const family = first ? ascii(nameKey(first)?.family ?? '') : '';
  if (!family) return `arxiv${facts.entry.id.toLowerCase().replace(/[^a-z0-9]/g, '_')}`;
  const title = normalizeText(facts.paper?.title ?? facts.entry.title);
  const word = title
    .split(' ')
    .map(ascii)
    .find((candidate) => candidate && !STOP_WORDS.has(candidate));
  return `${family}${facts.year}${word ?? ''}`;
}

function ascii(text: string): string {
  return text.replace(/[^a-z0-9]/g, '');
}

/** `a`, `b`, … `z`, `aa`, `ab`, … */
function suffix(n: number): string {
  let result = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    result = String.fromCharCode(97 + ((rest - 1) % 26)) + result;
  }
  return result;
}

/**
 * Citation keys by entry id. Keys that collide are told apart in id order:
 * the lowest id keeps the plain key and the next get `a`, `b`, …, so the same
 * list always yields the same keys and a newer paper never renames an older one.
 */
export function citationKeys(entries: readonly ReadingListEntry[], papersById: PapersById): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const entry of [...entries].sort((a, b) => compareIds(a.id, b.id))) {
    const base = baseKey(entryFacts(entry, papersById));
    let key = base;
    for (let n = 1; used.has(key); n++) key = `${base}${suffix(n)}`;
    used.add(key);
    keys.set(entry.id, key);
  }
  return keys;
}

function bibtexEntry(facts: EntryFacts, key: string): string {
  const { entry, paper } = facts;
  const authors = facts.authors.map(bibtexName);
  if (authors.length && facts.authorsTruncated) authors.push('others');
  const keywords = entry.tags.map(keyword).filter(Boolean);
  const fields: [string, string | null][] = [
    ['title', paper ? corpusTitle(paper) : plainTitle(entry.title.replace(/\s+/g, ' '))],
    ['author', authors.length ? authors.join(' and ') : null],
    ['year', String(facts.year)],
    ['eprint', entry.id],
    ['archivePrefix', 'arXiv'],
    ['primaryClass', facts.primaryCategory && escapeBibtex(facts.primaryCategory)],
    ['url', facts.url],
    ['keywords', keywords.length ? keywords.join(', ') : null],
    // `annote` rather than `note`: Zotero imports it as a note, and styles do not print it.
    ['annote', entry.note.trim() ? escapeBibtex(entry.note.replace(/\r\n?/g, '\n')) : null],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== null)
    .map(([name, value]) => `  ${name} = {${value}}`)
    .join(',\n');
  return `@misc{${key},\n${body}\n}\n`;
}

/** The reading list as BibTeX `@misc` entries with arXiv eprint fields, most recently saved first. */
export function toBibtex(entries: readonly ReadingListEntry[], papersById: PapersById): string {
  const keys = citationKeys(entries, papersById);
  return exportOrder(entries)
    .map((entry) => bibtexEntry(entryFacts(entry, papersById), keys.get(entry.id) ?? ''))
    .join('\n');
}
