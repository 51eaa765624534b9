/** What an import did: the pack added or updated, or every problem in the file (and that nothing changed). */
import type { PackImportResult } from '../core/protocol/messages';
import { t, tCount } from '../shared/i18n';

export type ImportReport = PackImportResult & { fileName: string };

export interface PackReportProps {
  report: ImportReport;
}

export function PackReport({ report }: PackReportProps) {
  const warnings = report.warnings.length > 0 && (
    <details class="pack-warnings">
      <summary>{tCount('packsWarnings', report.warnings.length)}</summary>
      <ul>
        {report.warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </details>
  );
  if (report.ok) {
    return (
      <div class="pack-report" role="status">
        <p>{t(report.replaced ? 'packsUpdated' : 'packsImported', report.pack.title, report.pack.entities)}</p>
        {warnings}
      </div>
    );
  }
  return (
    <div class="pack-report bad" role="alert">
      <p class="error">{tCount('packsRefused', report.problems.length, report.fileName)}</p>
      <ul class="pack-problems">
        {report.problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
      {warnings}
    </div>
  );
}
