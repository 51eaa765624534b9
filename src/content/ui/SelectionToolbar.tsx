/** The small bar beside a text selection: add a note on the passage, or track the selected name. */
export interface SelectionToolbarProps {
  onAddNote(): void;
  onTrack?: () => void;
}

export function SelectionToolbar({ onAddNote, onTrack }: SelectionToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" aria-label="Dramatis">
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onAddNote}>
        Add note
      </button>
      {onTrack && (
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={onTrack}>
          Track this name
        </button>
      )}
    </div>
  );
}
