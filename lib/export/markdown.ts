import { authorLine, plural } from '../format';
import type { ReadingListEntry } from '../reading-list/schema';
import { STATUS_LABELS, STATUSES } from '../reading-list/status';
import { type EntryFacts, entryFacts, exportOrder, type PapersById } from './facts';

/**
 * Escapes text that came from a web page so it renders as itself: every
 * character that can open a link, image, HTML tag, entity, code span, emphasis,
 * strike-through, math or table cell gets a backslash, and line breaks become
 * spaces. `[x](javascript:…) <img>` stays literal text.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[\\`*_[\]<>|~&$]/g, '\\$&');
}

/** Also escapes what would start a heading, list or rule at the start of a line. */
function escapeLine(line: string): string {
  return escapeMarkdown(line)
    .replace(/^[#+=-]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A multi-line note as a blockquote, each line escaped
 * (blank lines kept, so paragraphs survive), indented under a list item.
 */
function blockquote(note: string, indent: string): string {
  return note
    .trim()
    .split(/\r\n?|\n/)
    .map((line) => (line.trim() ? `${indent}> ${escapeLine(line.trim())}` : `${indent}>`))
    .join('\n');
}

/** An http(s) URL in a form that cannot break out of a Markdown link destination, or null. */
function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return parsed.href.replace(/[()<> ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return null;
  }
}

function item(facts: EntryFacts): string {
  const { entry } = facts;
  const authors = facts.authors.length
    ? escapeMarkdown(authorLine(facts.authors, facts.authorsTruncated, Number.POSITIVE_INFINITY))
    : null;
  const details = [authors, String(facts.year), facts.primaryCategory && escapeMarkdown(facts.primaryCategory)]
    .filter(Boolean)
    .join(' · ');
  const lines = [`- [${escapeMarkdown(entry.title)}](${facts.url}) — ${details}`];
  if (entry.tags.length) lines.push(`  Tags: ${entry.tags.map(escapeMarkdown).join(', ')}`);
  const code = facts.codeUrl && safeUrl(facts.codeUrl);
  if (code) lines.push(`  Code: <${code}>`);
  const source = entry.source && safeUrl(entry.source.url);
  if (source) lines.push(`  Found on: [${escapeMarkdown(new URL(source).hostname)}](${source})`);
  // Two trailing spaces would be a hard break; separate lines are joined with a backslash break instead.
  const head = lines.map((line, index) => (index < lines.length - 1 ? `${line}\\` : line)).join('\n');
  return entry.note.trim() ? `${head}\n\n${blockquote(entry.note, '  ')}` : head;
}

/**
 * The reading list as Markdown: a heading, then one section per status (empty
 * ones left out) listing each paper as a link to its arXiv abstract with its
 * authors, year, category, tags and note, most recently saved first.
 */
export function toMarkdown(entries: readonly ReadingListEntry[], papersById: PapersById, now: Date): string {
  const ordered = exportOrder(entries);
  const count = plural(ordered.length, 'paper');
  const sections = STATUSES.flatMap((status) => {
    const heading = STATUS_LABELS[status];
    const group = ordered.filter((entry) => entry.status === status);
    if (!group.length) return [];
    return [`## ${heading}\n\n${group.map((entry) => item(entryFacts(entry, papersById))).join('\n\n')}\n`];
  });
  return [`# Paperlens reading list\n\nExported ${now.toISOString().slice(0, 10)} · ${count}\n`, ...sections].join(
    '\n',
  );
}
