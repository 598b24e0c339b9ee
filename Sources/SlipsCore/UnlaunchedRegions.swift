import Foundation
import ReportKit

/// Regions that have not launched yet: parity slips are not tracked there.
public enum UnlaunchedRegions {
    /// The codes of the `REGION` items whose current version (`version_instance` 0) has a
    /// launch `date` later than `now`. A region's code is its instance before the first `:`.
    ///
    /// - Throws: ``SlipsError/badItem(_:_:field:problem:)`` for a region without
    ///   `instance` or `version_instance`, or with an unreadable `date` or `updated`.
    public static func codes(in regions: [BuildableItem], now: Date) throws(SlipsError) -> Set<String> {
        var codes = Set<String>()
        for region in regions {
            _ = try region.requiredString("instance")
            let isCurrent = try region.isCurrentVersion()
            let launch = try region.optionalInstant("date")
            _ = try region.optionalInstant("updated")
            if isCurrent, let launch, launch > now {
                codes.insert(region.instancePrefix)
            }
        }
        return codes
    }
}
