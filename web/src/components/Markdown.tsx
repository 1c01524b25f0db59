import type { ReactNode } from 'react';

/**
 * Renders the summary markdown Sightline writes (headings, bullets, bold, italics) as React
 * elements: the text is never parsed as HTML, so nothing in a transcript can inject markup.
 */
export function Markdown({ source }: { source: string }) {
  const blocks: ReactNode[] = [];
  let items: ReactNode[] = [];
  const flush = () => {
    if (items.length) blocks.push(<ul key={`ul${blocks.length}`}>{items}</ul>);
    items = [];
  };
  source.split('\n').forEach((line, index) => {
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const level = heading[1].length + 1;
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
      blocks.push(<Tag key={index}>{inline(heading[2])}</Tag>);
    } else if (/^[-*]\s+/.test(line)) {
      items.push(<li key={index}>{inline(line.replace(/^[-*]\s+/, ''))}</li>);
    } else if (line.trim()) {
      flush();
      blocks.push(<p key={index}>{inline(line)}</p>);
    } else {
      flush();
    }
  });
  flush();
  return <div className="markdown">{blocks}</div>;
}

function inline(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  const pattern = /\*\*(.+?)\*\*|_(.+?)_/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index! > last) parts.push(decode(text.slice(last, match.index)));
    parts.push(match[1] !== undefined ? <strong key={match.index}>{decode(match[1])}</strong> : <em key={match.index}>{decode(match[2])}</em>);
    last = match.index! + match[0].length;
  }
  if (last < text.length) parts.push(decode(text.slice(last)));
  return parts;
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
