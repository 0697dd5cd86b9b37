/** The shape of a briefing's structured summary, shared by the schema and the remark plugin. */
export type Trend = { id: string; title: string; points: string[]; prices?: { expensive: string; cheap: string } | undefined };

export type BriefingSummary = {
  trends: Trend[];
  corePoint: string;
  fundamentalPoint: string;
  framework: { intro: string; points: string[] };
};

/** Section ids of the summary. Links to these are shared in chats: never rename one. */
export const summarySectionIds = {
  summary: 'summary',
  corePoint: 'core-point',
  fundamentalPoint: 'fundamental-point',
  framework: 'overarching-framework',
} as const;
