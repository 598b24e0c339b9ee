// ReportAdapters
