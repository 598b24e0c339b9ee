import Foundation
import ReportKit

/// One bydelsfakta function: the input datasets it reads, the dataset types it makes, and
/// the computation from input rows to output files.
public struct BydelsfaktaFunction: Sendable {
    /// The function's name in the original (`folkemengde`), and its Lambda name with dashes.
    public var name: String
    /// The input dataset ids, in the event's `s3_input_prefixes`.
    public var inputs: [String]
    /// Input columns that are text keys rather than numbers.
    public var keyColumns: Set<String>
    /// The columns of each input (by dataset id) the function reads as numbers; other columns
    /// than these, the keys, the year and the places are skipped unread.
    public var numbers: [String: NumberColumns]
    /// The dataset types (`task_config[task].type`) it can make.
    public var types: [String]
    /// Input rows by dataset id, the type and the publishing date → the output objects.
    public var compute: @Sendable ([String: [StatisticsRow]], String, String) throws(PipelineError) -> [JSONValue]

    /// What the function reads from input `dataset`: the keys, and its number columns (every
    /// column not a key when the function names none for it).
    public func columns(of dataset: String) -> StatisticsColumns {
        StatisticsColumns(keys: keyColumns, numbers: numbers[dataset] ?? .everyOther)
    }

    /// The Lambda function name: `bydelsfakta-data-processing-` and the name with dashes.
    public var arn: String { "bydelsfakta-data-processing-" + name.replacingOccurrences(of: "_", with: "-") }

    /// The functions ported so far.
    public static let all: [BydelsfaktaFunction] = [
        AlderDistribusjonStatus.function, Folkemengde.function, LevekarLavUtdanning.function, Eieform.function,
        BefolkningsutvklForvUtvkl.function, LandbakgrunnInnvandringsgrupper.function, InnvandrerBefolkning.function, FlyttehyppighetInnKat.function, FlyttehyppighetTotalt.function, Trangboddhet.function, Bygningstyper.function, HusholdningMedBarn.function, Husholdningstyper.function, InnvandringUnder16.function, BotidIkkeVestlige.function, LevekaarDodsrate.function, LevekarRedusertFunksjonsevne.function, LevekarTrangbodde.function, IkkeFullfortVgs.function, FattigeBarnehusholdninger.function, KommunaleBoliger.function, Boligpriser.function, LevekarIkkeSysselsatte.function, LevekarTotalt.function,
    ]

    /// The function an event's `arn` names: `bydelsfakta-data-processing-<name>`, with `-` or
    /// `_` between words (the original's Lambda names use both).
    public static func named(arn: String) -> BydelsfaktaFunction? {
        let prefix = "bydelsfakta-data-processing-"
        let name = (arn.hasPrefix(prefix) ? String(arn.dropFirst(prefix.count)) : arn).replacingOccurrences(of: "-", with: "_")
        return all.first { $0.name == name }
    }
}
