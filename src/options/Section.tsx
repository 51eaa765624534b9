/** One titled part of the options page; `id` is its anchor in the page's table of contents. */
import type { ComponentChildren } from 'preact';

export interface SectionProps {
  id: string;
  title: string;
  lead?: string;
  children: ComponentChildren;
}

export function Section({ id, title, lead, children }: SectionProps) {
  return (
    <section class="section" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {lead && <p class="lead">{lead}</p>}
      {children}
    </section>
  );
}
