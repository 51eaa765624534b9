/**
 * Note text rendered from Markdown, safely: the text is parsed to a syntax tree (mdast) and turned
 * into Preact elements one node type at a time. Raw HTML is shown as text, never parsed; links keep
 * only http, https and mailto addresses; images are shown as their alt text (no network, ever).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, RootContent } from 'mdast';
import type { ComponentChildren } from 'preact';
import { isSafeNoteLink } from '../../core/notes/safe-links';
import { t } from '../i18n';

function safeHref(url: string): string | undefined {
  return isSafeNoteLink(url) ? url.trim() : undefined;
}

function children(node: { children?: RootContent[] }): ComponentChildren {
  return (node.children ?? []).map((c, i) => render(c, i));
}

function render(node: Nodes, key: number): ComponentChildren {
  switch (node.type) {
    case 'root':
      return children(node);
    // dir="auto": a paragraph in Hebrew or Arabic reads right to left, one in English left to right.
    case 'paragraph':
      return (
        <p key={key} dir="auto">
          {children(node)}
        </p>
      );
    case 'text':
      return node.value;
    case 'emphasis':
      return <em key={key}>{children(node)}</em>;
    case 'strong':
      return <strong key={key}>{children(node)}</strong>;
    case 'delete':
      return <del key={key}>{children(node)}</del>;
    case 'inlineCode':
      return <code key={key}>{node.value}</code>;
    case 'code':
      return (
        <pre key={key}>
          <code>{node.value}</code>
        </pre>
      );
    case 'break':
      return <br key={key} />;
    case 'thematicBreak':
      return <hr key={key} />;
    case 'blockquote':
      return <blockquote key={key}>{children(node)}</blockquote>;
    case 'heading': {
      // Headings inside a note stay small: a note must not shout over the page.
      return (
        <p key={key} class="md-heading">
          <strong>{children(node)}</strong>
        </p>
      );
    }
    case 'list':
      return node.ordered ? (
        <ol key={key} start={node.start ?? undefined}>
          {children(node)}
        </ol>
      ) : (
        <ul key={key}>{children(node)}</ul>
      );
    case 'listItem':
      return (
        <li key={key} dir="auto">
          {children(node)}
        </li>
      );
    case 'link': {
      const href = safeHref(node.url);
      return href ? (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer">
          {children(node)}
        </a>
      ) : (
        <span key={key}>{children(node)}</span>
      );
    }
    case 'image':
      return (
        <span key={key} class="md-image">
          [{node.alt || t('markdownImage')}]
        </span>
      );
    case 'html':
      return node.value;
    default:
      return 'children' in node
        ? children(node as { children: RootContent[] })
        : 'value' in node
          ? String((node as { value: unknown }).value)
          : null;
  }
}

export function Markdown({ text, class: cls }: { text: string; class?: string }) {
  return <div class={cls ?? 'md'}>{render(fromMarkdown(text), 0)}</div>;
}
