// ReportKitTestSupport
