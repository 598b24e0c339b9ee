import Foundation
import ReportKit

/// The comparisons of a run: each service's current plan in each region against the plan
/// that stood before the window, giving the slips and the improvements in catalog order.
enum PlanComparisons {
    /// The changes of `services` (in order; each region in `regions` order).
    ///
    /// - Throws: ``SlipsError`` for a bad plan record; whatever the store throws.
    static func run(
        services: ArraySlice<TrackedService>, regions: [String], store: any BuildablesStore, cutoff: Date,
        options: SlipsOptions, logger: Logger
    ) async throws -> (slips: [PlanChange], improvements: [PlanChange]) {
        var slips: [PlanChange] = []
        var improvements: [PlanChange] = []
        for service in services {
            // The display name, read from the metadata at the service's first change only.
            var namePretty: JSONValue?
            func name() -> JSONValue {
                if let namePretty { return namePretty }
                let read = service.namePretty
                namePretty = read
                return read
            }
            for region in regions {
                guard let current = service.plans[region] else { continue }
                let previous = try await PreviousPlan.find(current: current, cutoff: cutoff, logger: logger) { version in
                    try await store.item(
                        artifact: "SERVICE", instance: PlanRecord.instance(rip: service.ripName, version: version, region: region),
                        near: current)
                }
                switch previous {
                case .noHistory:
                    continue
                case .missing(let version):
                    logger.warning("\(current.instance): cannot compare, the previous plan \(PlanRecord.instance(rip: service.ripName, version: version, region: region)) does not exist")
                case .found(let record):
                    guard let change = try PlanChange.detect(
                        service: service, namePretty: name, region: region, current: current, previous: record,
                        slipDelta: options.slipDelta, logger: logger)
                    else { continue }
                    if change.isSlip { slips.append(change) } else { improvements.append(change) }
                }
            }
        }
        return (slips, improvements)
    }
}
