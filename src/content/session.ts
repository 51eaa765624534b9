/**
 * One reading session of this page: the single owner of everything the content script starts.
 * Each part takes the session's AbortSignal; stop() aborts it, so turning Dramatis off on a site,
 * or a settings answer that arrives late, leaves nothing running: no observer, no listener, no
 * toolbar, no highlight, and no late detection result is painted.
 */
import { makeCorrection } from '../core/corrections';
import type { Note } from '../core/notes/model';
import { DEFAULT_SETTINGS, type PageSummary, type Settings } from '../core/protocol/messages';
import { cardDelay } from '../core/settings';
import { pageEra } from '../core/years';
import { send } from '../shared/messaging';
import { Annotator } from './annotator';
import { isPassage, targetAtPoint } from './hit-test';
import { HoverController } from './hover';
import { LiveUpdates } from './live';
import { PageMentions, type PageMention } from './mentions';
import { Navigation } from './navigation';
import { NotesLayer } from './notes-layer';
import { NotedPassages } from './passages';
import { pageSummary } from './summary';
import type { CardContext, CorrectionChoice } from './ui-contract';
import { isOurNode } from './ui-host';
import { LazyUi } from './ui-loader';
import { ModifierKeyWatch } from './modifier-key';

const pageRoot = (): Node => document.body ?? document.documentElement;

/** Where an editor opens when the card it came from has no range on screen. */
const fallbackRect = (): DOMRect => new DOMRect(window.innerWidth / 2, 80, 0, 0);

export class ContentSession {
  private readonly controller = new AbortController();
  private readonly mentions = new PageMentions();
  private readonly passages = new NotedPassages();
  private readonly annotator: Annotator;
  private readonly ui: LazyUi;
  private readonly notes: NotesLayer;
  private readonly hover: HoverController;
  private readonly live: LiveUpdates;
  private readonly navigation: Navigation;
  private highlightsOn = false;
  private annotated: Promise<void> | undefined;
  /** Reading waits for this (very large pages: their first paint). */
  private notBefore: Promise<void> = Promise.resolve();
  private settings: Settings = DEFAULT_SETTINGS;
  private readonly modifier: ModifierKeyWatch;

  constructor() {
    const signal = this.controller.signal;
    this.annotator = new Annotator(this.mentions, signal);
    this.ui = new LazyUi(this.cardContext());
    this.notes = new NotesLayer(
      this.passages,
      this.ui,
      (entityId) => this.ui.refresh(entityId),
      () => void this.reannotate(),
    );
    this.modifier = new ModifierKeyWatch((held) => {
      this.mentions.setHeld(held);
      this.hover.poke();
    });
    this.hover = new HoverController((x, y) => targetAtPoint(this.mentions, this.passages, x, y), this.ui, {
      delay: () => cardDelay(this.settings.cardTrigger),
      allowed: () => this.settings.cardTrigger !== 'modifier' || this.modifier.held,
    });
    this.live = new LiveUpdates(this.mentions, this.annotator, isOurNode);
    this.navigation = new Navigation(this.mentions, this.ui, () => this.setHighlights(true));
  }

  get stopped(): boolean {
    return this.controller.signal.aborted;
  }

  /** Detects the whole page once and loads its notes; live updates take it from there. */
  annotatePage(): Promise<void> {
    this.annotated ??= (async () => {
      await this.notBefore;
      const signal = this.controller.signal;
      if (signal.aborted) return;
      this.live.start(signal);
      // The selection toolbar is offered from the start: a reader may select a passage while a long
      // page is still being detected (or while a detect message waits for a waking worker), and
      // noting it does not depend on the names. The page's saved notes load after the first marks.
      this.notes.start(signal);
      await this.annotator.annotate(pageRoot());
      if (signal.aborted) return;
      await this.notes.load();
    })();
    return this.annotated;
  }

  setHighlights(on: boolean): boolean {
    if (this.stopped) return false;
    if (on === this.highlightsOn) return on;
    this.highlightsOn = on;
    if (on) {
      void this.annotatePage();
      this.mentions.show();
      this.passages.show();
      this.hover.start(this.controller.signal);
    } else {
      this.mentions.hide();
      this.passages.hide();
      this.hover.stop();
    }
    return on;
  }

  /**
   * The reader's settings, at start and whenever they change in any tab or the options page: the
   * marks are selected again from the mentions already found (no detection runs again), and the
   * card trigger and modifier key take effect at the next hover.
   */
  applySettings(settings: Settings): void {
    if (this.stopped) return;
    this.settings = settings;
    this.modifier.key = settings.modifierKey;
    const needsKey = settings.density === 'modifier' || settings.cardTrigger === 'modifier';
    if (needsKey) this.modifier.start(this.controller.signal);
    else this.modifier.stop();
    this.mentions.applyMarkSettings(settings);
  }

  /**
   * Very large pages: only names near the viewport are painted, as the reader scrolls, and the page
   * is read only once `firstPaint` (when given) resolves, however early the settings say to show names.
   * `huge`: so large that its names are drawn apart from the registry (see PageMentions.paintNearViewport).
   */
  paintNearViewport(firstPaint?: Promise<void>, huge = false): void {
    if (firstPaint) this.notBefore = firstPaint;
    this.mentions.paintNearViewport(huge);
  }

  private resolving: Promise<void> = Promise.resolve();

  /**
   * The reader's corrections changed (here, in another tab, or on the options page): they apply in
   * the resolver, so the page's names are detected again, one run after another however many
   * changes arrive. An open card follows its name: redrawn for the name's new entity, or closed when
   * the name is no longer marked. Cost: one detection of the page (a few ms of background work for
   * the real post's ~400 names); highlights are repainted in the same slices as on load.
   */
  reresolve(): Promise<void> {
    this.resolving = this.resolving.then(() => this.redetect()).catch(() => undefined);
    return this.resolving;
  }

  private async redetect(): Promise<void> {
    if (this.stopped || !this.annotated) return;
    await this.annotated;
    const open = this.ui.current;
    const at = open && !isPassage(open) ? { node: open.range.startContainer, offset: open.range.startOffset } : undefined;
    this.mentions.forgetChoices();
    this.mentions.removeWithin(pageRoot());
    await this.annotator.annotate(pageRoot());
    if (this.stopped || !at || this.ui.current !== open) return;
    const now = this.mentions.at(at.node, at.offset);
    if (now) this.ui.open(now, { focus: true });
    else this.ui.close();
  }

  /** "Not this?" or a pick among namesakes: the correction is stored, every tab told, this page re-resolved. */
  private async correct(pm: PageMention, choice: CorrectionChoice): Promise<void> {
    const correction = makeCorrection({
      key: choice.key,
      surface: pm.range.toString().trim().slice(0, 200) || choice.key,
      scope: choice.scope,
      url: location.href,
      entityId: choice.entityId,
      entityName: choice.entityName,
      now: Date.now(),
    });
    await send({ type: 'corrections.save', correction });
    await this.reresolve();
  }

  summary(): PageSummary {
    return pageSummary(this.mentions, this.notes.notes, this.notes.orphans, this.highlightsOn);
  }

  step(direction: 'next' | 'previous'): string | null {
    return this.navigation.step(direction);
  }

  scrollTo(id: string): boolean {
    return this.navigation.scrollTo(id);
  }

  /**
   * A pack was imported, turned on or off, or removed: its names come or go (the page is resolved
   * again with the rebuilt table) and its passage notes are loaded afresh. An open pack note's card
   * whose pack went is closed.
   */
  async packsChanged(): Promise<void> {
    await this.reresolve();
    if (this.stopped || !this.annotated) return;
    await this.notes.load();
    const open = this.ui.current;
    if (open && isPassage(open) && open.fromPack && !this.notes.packNotes.has(open.noteId)) this.ui.close();
  }

  /** The notebook changed notes of this page: show them afresh. */
  reloadNotes(): Promise<void> {
    return this.notes.load();
  }

  stop(): void {
    if (this.stopped) return;
    this.controller.abort();
    this.ui.stop();
    this.mentions.clear();
    this.passages.clear();
    this.highlightsOn = false;
  }

  /** After the reader tracks a new name: detect the whole page again with it. */
  private async reannotate(): Promise<void> {
    this.mentions.removeWithin(pageRoot());
    await this.annotator.annotate(pageRoot());
    if (!this.stopped) await this.notes.load();
  }

  private cardContext(): CardContext {
    return {
      entity: (id) => this.mentions.entity(id),
      upgradeEntity: (entity) => this.mentions.upgradeEntity(entity),
      linkedIds: () => this.mentions.linkedIds(),
      // Only a page with an era draws "the years this page is about" on its cards.
      pageYears: () => pageEra(this.annotator.years),
      onChoose: (pm: PageMention, id: string) => {
        // A pick among namesakes is a correction for this page: shown at once on every mention of
        // the form here, then stored (and re-resolved with it) like any other correction.
        this.mentions.choose(pm.key, id, pm);
        this.ui.open(pm);
        if (pm.key)
          void this.correct(pm, { key: pm.key, scope: 'page', entityId: id, entityName: this.mentions.entity(id)?.name }).catch(
            (err: unknown) => console.warn('[Dramatis]', err instanceof Error ? err.message : err),
          );
      },
      onCorrect: (pm, choice) => this.correct(pm, choice),
      onShowRelated: (id) => this.navigation.openEntity(id),
      onAddNote: (entityId) => {
        const rect = this.ui.current?.range.getBoundingClientRect() ?? fallbackRect();
        const name = this.mentions.entity(entityId)?.name ?? entityId;
        this.ui.close();
        void this.notes.addEntityNote(entityId, name, rect);
      },
      noteFor: (noteId) => this.notes.notes.get(noteId),
      packNoteFor: (noteId) => this.notes.packNotes.get(noteId),
      onEditNote: (note: Note) => {
        const rect = this.ui.current?.range.getBoundingClientRect() ?? fallbackRect();
        this.ui.close();
        void this.notes.editNote(note, rect);
      },
    };
  }
}
