import Foundation
import QualityCore
import ReportAdapters
import ReportKit

/// `reportcli viewer`: reads the store's runs index (`runs.json`) and the manifests of its
/// newest runs, and writes the report viewer, `index.html`, at the store's root.
struct ViewerCommand: Command {
    let name = "viewer"
    let summary = "write the report viewer (index.html) at the root of a reports store"
    let discussion = """
        Reads runs.json (the runs index the daily run writes last) and the manifests of the \
        newest 30 runs, and writes index.html (text/html; charset=utf-8) beside runs.json: \
        one static page with the runs newest first, each run's reports with a search box, \
        the selected report's page in a sandboxed frame, its metadata, downloads and status \
        over the last 30 runs. The runs are embedded in the page, so it works opened from \
        disk (file://) and from an S3 website or CloudFront with the bucket's listing closed; \
        nothing lists the store. Links look like index.html#2024-03-15/Table_Summary.
        """

    static let store = OptionSpec.value("store", "DIR|s3://BUCKET/PREFIX", help: "the reports store the daily run writes", required: true)
    static let title = OptionSpec.value("title", "TEXT", help: "the page's title", default: "Reports")

    let options = [store, title]
    let examples = [
        "reportcli viewer --store ./out",
        "reportcli viewer --store s3://reports-bucket/daily --title 'Clinic data reports'",
    ]

    /// The viewer's key in the store.
    static let indexKey: ObjectKey = "index.html"

    /// A store without the runs index the viewer is made from.
    static let noRunsIndex = ViewerInputError("runs.json: missing (the daily run, reportcli run, writes it)")

    func run(_ values: OptionValues, context: CommandContext) async throws -> CommandOutcome {
        let location = try values.required(Self.store)
        let title = values.value(Self.title) ?? "Reports"
        let logger = Logger(handler: StandardErrorLogHandler(), minimumLevel: .info)
        let objects = try Stores.objects(location, logger: logger)
        let written: (page: [UInt8], data: ViewerData, manifests: [CalendarDay: JSONValue])
        do {
            written = try await Self.write(to: objects, title: title, logger: logger)
        } catch let error as ViewerInputError where error == Self.noRunsIndex {
            throw values.problem(Self.store, "has no runs.json at \(location): the daily run (reportcli run) writes it")
        }
        let (page, data, manifests) = written
        return CommandOutcome(output: [
            "index": .string(Self.indexKey.text), "bytes": .number(Double(page.count)),
            "runs": .number(Double(data.runs.count)), "detailed": .number(Double(manifests.count)),
        ])
    }

    /// Writes `index.html` into `objects` from its `runs.json` and the newest runs' manifests;
    /// returns the page, its data and the manifests read. Also what `reportcli run
    /// --viewer-title` calls after a run.
    static func write(to objects: any ObjectStore, title: String, logger: Logger) async throws -> (page: [UInt8], data: ViewerData, manifests: [CalendarDay: JSONValue]) {
        guard let indexBytes = try await objects.get(RunsIndex.key) else { throw noRunsIndex }
        let index: RunsIndex
        do { index = try RunsIndex(bytes: [UInt8](indexBytes)) } catch {
            throw ViewerInputError("\(error)")
        }
        var manifests: [CalendarDay: JSONValue] = [:]
        for run in ViewerData.detailedRuns(of: index) {
            guard let bytes = try await objects.get(run.manifest) else {
                logger.warning("viewer: \(run.manifest.text) is listed in runs.json but missing; its run shows without details")
                continue
            }
            do { manifests[run.day] = try JSONReader.parse([UInt8](bytes)) } catch {
                logger.warning("viewer: \(run.manifest.text) is not JSON (\(error)); its run shows without details")
            }
        }
        let data = ViewerData(title: title, index: index, manifests: manifests)
        let page = try ViewerPage.render(data)
        try await objects.put(indexKey, Data(page), contentType: ContentType.html.text)
        return (page, data, manifests)
    }
}
