/** The notes frame's one view at a time (see src/shared/frame-protocol.ts for what each one is). */
import { newNoteId, parseTags, type Note } from '../core/notes/model';
import { PERSONAL_PREFIX } from '../core/personal';
import type { FrameView, FromFrame } from '../shared/frame-protocol';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { saveNote } from '../shared/save-note';
import { NoteEditor } from './NoteEditor';
import { NoteView } from './NoteView';
import { NotesSummary } from './NotesSummary';
import { PersonalCard } from './PersonalCard';
import { TrackNameForm } from './TrackNameForm';

export interface FrameAppProps {
  view: FrameView;
  tell(event: FromFrame): void;
}

function headingOf(note: Note, isNew: boolean): string {
  if (!isNew) return t('frameEditNote');
  if (note.kind === 'entity') return t('frameNoteOnEntity', note.entityName);
  return t('frameNoteOnPassage');
}

export function FrameApp({ view, tell }: FrameAppProps) {
  switch (view.view) {
    case 'note':
      return <NoteView note={view.note} onEdit={() => tell({ type: 'edit' })} />;
    case 'entity-notes':
      return <NotesSummary notes={view.notes} onAdd={view.canAdd ? () => tell({ type: 'add-note' }) : undefined} />;
    case 'personal':
      return <PersonalCard entity={view.entity} notes={view.notes} onAdd={view.canAdd ? () => tell({ type: 'add-note' }) : undefined} />;
    case 'editor': {
      const { note, isNew } = view;
      return (
        <NoteEditor
          key={note.id}
          heading={headingOf(note, isNew)}
          quote={note.kind === 'passage' ? note.target.quote.exact : undefined}
          initialText={note.text}
          initialTags={note.tags.join(' ')}
          onCancel={() => tell({ type: 'close' })}
          onSave={async (text, tags, onStatus) => {
            const now = Date.now();
            const saved = await saveNote(
              { ...note, text, tags: parseTags(tags), updated: now, ...(isNew ? { created: now } : {}) },
              { onStatus },
            );
            tell({ type: 'saved', noteId: saved.id });
          }}
        />
      );
    }
    case 'track':
      return (
        <TrackNameForm
          initialName={view.initialName}
          onCancel={() => tell({ type: 'close' })}
          onSave={async (entity) => {
            const now = Date.now();
            await send({
              type: 'personal.save',
              entity: { ...entity, id: `${PERSONAL_PREFIX}${newNoteId()}`, created: now, updated: now },
            });
            tell({ type: 'tracked' });
          }}
        />
      );
  }
}
