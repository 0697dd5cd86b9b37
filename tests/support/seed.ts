/**
 * Reads the seed text file (a copy of the source the briefing was made from) into the parts
 * the page must carry, so tests compare the page with the source, not with itself.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const seedPath = fileURLToPath(new URL('../fixtures/seed/briefing.txt', import.meta.url));

export type Seed = {
  trendTitles: string[];
  trendPoints: string[];
  corePoint: string;
  fundamentalPoint: string;
  framework: string[];
  diagram: string;
  paragraphs: string[];
};

function between(text: string, start: string, end: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end, from + start.length);
  if (from < 0 || to < 0) throw new Error(`Seed has no section between "${start}" and "${end}".`);
  return text.slice(from + start.length, to).trim();
}

export function readSeed(): Seed {
  const text = readFileSync(seedPath, 'utf8');
  const summary = between(text, '**Summary:**', '**Core Point:**');
  const trendTitles = [...summary.matchAll(/^\d+\.\s+\*\*(.+?):\*\*/gm)].map((m) => m[1]!);
  const trendPoints = [...summary.matchAll(/^\s*\*\s+(.+)$/gm)].map((m) => m[1]!.trim());
  const framework = between(text, '**Overarching Framework:**', '<Mermaid_Diagram>')
    .split('\n')
    .map((line) => line.replace(/^\d+\.\s+/, '').trim())
    .filter(Boolean);
  return {
    trendTitles,
    trendPoints,
    corePoint: between(text, '**Core Point:**', '**Fundamental Point:**'),
    fundamentalPoint: between(text, '**Fundamental Point:**', '**Overarching Framework:**'),
    framework,
    diagram: between(text, '<Mermaid_Diagram>', '</Mermaid_Diagram>'),
    paragraphs: text
      .slice(text.indexOf('Content:') + 'Content:'.length)
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean),
  };
}

/** Collapses runs of white space, as a browser's innerText does within a paragraph. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
