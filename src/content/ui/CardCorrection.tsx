/** A card's line "Why: near FBI · Not this?", and the correction panel it opens. */
import { useState } from 'preact/hooks';
import type { CorrectionChoice, Send } from '../ui-contract';
import { t } from '../../shared/i18n';
import { CorrectionPanel } from './CorrectionPanel';
import { WhyLine } from './WhyLine';

export interface CardCorrectionProps {
  /** The resolver's reason code; undefined for an ambiguous mention (no reason to give). */
  why?: string;
  /** Whether the mention is linked (an ambiguous one has no "why" line). */
  linked: boolean;
  /** The name as written on the page. */
  surface: string;
  /** The ambiguous mention's form key, when the resolver gave one. */
  formKey?: string;
  /** The entity shown now, left out of the choices. */
  currentId?: string;
  send: Send;
  onCorrect: (choice: CorrectionChoice) => Promise<void>;
}

export function CardCorrection({ why, linked, surface, formKey, currentId, send, onCorrect }: CardCorrectionProps) {
  const [open, setOpen] = useState(false);
  return (
    <div class="correction">
      <p class="why-line">
        {linked && <WhyLine why={why} />}
        {!open && (
          <button type="button" class="not-this" aria-expanded="false" onClick={() => setOpen(true)}>
            {t('correctionsNotThis')}
          </button>
        )}
      </p>
      {open && (
        <CorrectionPanel
          surface={surface}
          formKey={formKey}
          currentId={currentId}
          send={send}
          onCorrect={onCorrect}
          onCancel={() => setOpen(false)}
        />
      )}
    </div>
  );
}
