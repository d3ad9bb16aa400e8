import { highlightSegments } from '../lib/highlight';

/** Text with the words a search matched in <mark>; everything is rendered as text. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  if (!terms.length) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, [...terms]).map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
