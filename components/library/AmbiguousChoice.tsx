import { plural } from '../../lib/format';
import type { LibraryPreview } from '../../lib/library/write';

type Ambiguous = LibraryPreview['ambiguous'][number];

interface AmbiguousChoiceProps {
  name: Ambiguous;
  /** The author chosen, null for none of them, undefined while unsettled. */
  chosen: string | null | undefined;
  onChoose(authorId: string | null): void;
}

/** A written name that could be several followed authors: the user says which, or none. */
export function AmbiguousChoice({ name, chosen, onChoose }: AmbiguousChoiceProps) {
  const group = `ambiguous-${name.written}`;
  const options: [string | null, string][] = [
    ...name.candidates.map((candidate): [string, string] => [candidate.id, candidate.name]),
    [null, 'None of them'],
  ];
  return (
    <fieldset class="ambiguous">
      <legend>
        “{name.written}” ({plural(name.papers, 'paper')}) is
      </legend>
      {options.map(([id, label]) => (
        <label key={id ?? ''}>
          <input type="radio" name={group} checked={chosen === id} onChange={() => onChoose(id)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
