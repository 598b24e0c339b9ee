import Foundation
import PipelineCore
import ReportKit
import ReportKitTestSupport
import Testing

/// Each ported function's files against the original's on the same input
/// (`Fixtures/bydelsfakta`, produced by running the original): equal as parsed JSON, with
/// `meta.publishedDate` aside, numbers to 1e-9 and `data` in any order.
@Suite("bydelsfakta parity with the original")
struct ParityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var function: String
        var type: String
        var dataset: String
        var input: String
        var expected: String
        /// Further inputs: dataset id → fixture path.
        var extraInputs: [String: String] = [:]
        var testDescription: String { "\(expected.hasPrefix("published/") ? "published " : "")\(function) \(type)" }
    }

    static let befolkning = "befolkning-etter-kjonn-og-alder/input_befolkning-etter-kjonn-og-alder_synthetic.csv"
    static let cases: [Case] = [
        Case(function: "alder-distribusjon-status", type: "status", dataset: "befolkning-etter-kjonn-og-alder", input: befolkning, expected: "alder_distribusjon_status/output_status"),
        Case(function: "folkemengde", type: "historisk", dataset: "befolkning-etter-kjonn-og-alder", input: befolkning, expected: "folkemengde/output_historisk"),
        Case(function: "folkemengde", type: "historisk-prosent", dataset: "befolkning-etter-kjonn-og-alder", input: befolkning, expected: "folkemengde/output_historisk-prosent"),
        Case(function: "folkemengde", type: "nokkeltall", dataset: "befolkning-etter-kjonn-og-alder", input: befolkning, expected: "folkemengde/output_nokkeltall"),
        Case(function: "levekar-lav-utdanning", type: "status", dataset: "lav-utdanning", input: "levekar_lav_utdanning/input_lav-utdanning_synthetic.csv", expected: "levekar_lav_utdanning/output_status"),
        Case(function: "levekar-lav-utdanning", type: "historisk", dataset: "lav-utdanning", input: "levekar_lav_utdanning/input_lav-utdanning_synthetic.csv", expected: "levekar_lav_utdanning/output_historisk"),
        Case(function: "eieform", type: "status", dataset: "eieform", input: "eieform/input_eieform_10000-as-00.csv", expected: "eieform/output_status"),
        Case(function: "eieform", type: "historisk", dataset: "eieform", input: "eieform/input_eieform_10000-as-00.csv", expected: "eieform/output_historisk"),
        Case(function: "eieform", type: "status", dataset: "eieform", input: "eieform/input_Eieform(2015-2017-v01)_original.csv", expected: "eieform/output_status"),
        Case(
            function: "befolkningsutvkl-forv-utvkl", type: "historisk", dataset: "befolkning-etter-kjonn-og-alder", input: befolkning,
            expected: "befolkningsutvkl_forv_utvkl/output_historisk",
            extraInputs: Dictionary(uniqueKeysWithValues: ["dode", "fodte", "flytting-til-etter-alder", "flytting-fra-etter-alder", "befolkningsframskrivninger"]
                .map { ($0, "befolkningsutvkl_forv_utvkl/input_\($0).csv") })),
        Case(
            function: "landbakgrunn-innvandringsgrupper", type: "status", dataset: "befolkning-etter-kjonn-og-alder", input: befolkning,
            expected: "landbakgrunn_innvandringsgrupper/output_status", extraInputs: landbakgrunn),
        Case(
            function: "landbakgrunn-innvandringsgrupper", type: "historisk", dataset: "befolkning-etter-kjonn-og-alder", input: befolkning,
            expected: "landbakgrunn_innvandringsgrupper/output_historisk", extraInputs: landbakgrunn),
    ] + ["alle_status", "alle_historisk", "kort_status", "kort_historisk", "lang_status", "lang_historisk", "to_foreldre_status", "to_foreldre_historisk"].map {
        Case(
            function: "innvandrer-befolkning", type: $0, dataset: "befolkning-etter-kjonn-og-alder", input: befolkning,
            expected: "innvandrer_befolkning/output_\($0)", extraInputs: ["botid": "innvandrer_befolkning/input_botid.csv"])
    }
    static let moves = ["status", "historisk"].map {
        Case(
            function: "flyttehyppighet-inn-kat", type: $0, dataset: "flytting-fra-etter-inn-kat",
            input: "flyttehyppighet_inn_kat/input_flytting-fra-etter-inn-kat.csv", expected: "flyttehyppighet_inn_kat/output_\($0)",
            extraInputs: ["flytting-til-etter-inn-kat": "flyttehyppighet_inn_kat/input_flytting-til-etter-inn-kat.csv"])
    }
    static let totalMoves = ["status", "historisk"].map {
        Case(
            function: "flyttehyppighet-totalt", type: $0, dataset: "flytting-fra-etter-alder",
            input: "flyttehyppighet_totalt/input_flytting-fra-etter-alder.csv", expected: "flyttehyppighet_totalt/output_\($0)",
            extraInputs: ["flytting-til-etter-alder": "flyttehyppighet_totalt/input_flytting-til-etter-alder.csv"])
    }
    static let rooms = ["0-5-0-9_status", "0-5-0-9_historisk", "1-0-1-9_status", "1-0-1-9_historisk", "over-2_status", "over-2_historisk",
                        "under-0-5_status", "under-0-5_historisk", "alle_status", "alle_historisk"].map {
        Case(
            function: "trangboddhet", type: $0, dataset: "husholdninger-etter-rom-per-person",
            input: "trangboddhet/input_husholdninger-etter-rom-per-person.csv", expected: "trangboddhet/output_\($0)")
    }
    static let buildings = ["alle_status", "alle_historisk", "blokk_status", "blokk_historisk", "enebolig_status", "enebolig_historisk",
                            "rekkehus_status", "rekkehus_historisk", "totalt_status", "totalt_historisk"].map {
        Case(
            function: "bygningstyper", type: $0, dataset: "boligmengde-etter-boligtype",
            input: "bygningstyper/input_boligmengde-etter-boligtype.csv", expected: "bygningstyper/output_\($0)")
    }
    static let children = ["alle_status", "alle_historisk", "1barn_status", "1barn_historisk", "2barn_status", "2barn_historisk", "3barn_status", "3barn_historisk"].map {
        Case(
            function: "husholdning-med-barn", type: $0, dataset: "husholdninger-med-barn",
            input: "husholdning_med_barn/input_husholdninger-med-barn.csv", expected: "husholdning_med_barn/output_\($0)")
    }
    static let householdTypes = ["status", "historisk"].map {
        Case(
            function: "husholdningstyper", type: $0, dataset: "husholdningstyper",
            input: "husholdningstyper/input_husholdningstyper.csv", expected: "husholdningstyper/output_\($0)")
    }
    static let under16 = ["en-innvandrer_historisk", "en-innvandrer_status", "to-innvandrer_historisk", "to-innvandrer_status", "innvandrer_status", "innvandrer_historisk"].map {
        Case(
            function: "innvandring-under16", type: $0, dataset: "innvandrer-befolkningen-0-15-ar",
            input: "innvandring_under16/input_innvandrer-befolkningen-0-15-ar.csv", expected: "innvandring_under16/output_\($0)")
    }
    static let nonWestern = ["status", "historisk"].map {
        Case(
            function: "botid-ikke-vestlige", type: $0, dataset: "befolkning-etter-kjonn-og-alder", input: befolkning,
            expected: "botid_ikke_vestlige/output_\($0)", extraInputs: ["botid-ikke-vestlige": "botid_ikke_vestlige/input_botid-ikke-vestlige.csv"])
    }
    static let preAggregated = [
        ("levekaar-dodsrate", "dodsrater", "levekaar_dodsrate"), ("levekar-redusert-funksjonsevne", "redusert-funksjonsevne", "levekar_redusert_funksjonsevne"),
        ("levekar-trangbodde", "trangbodde", "levekar_trangbodde"), ("ikke-fullfort-vgs", "ikke-fullfort-vgs", "ikke_fullfort_vgs"),
        ("fattige-barnehusholdninger", "fattige-husholdninger", "fattige_barnehusholdninger"),
        ("boligpriser", "boligpriser-blokkleiligheter", "boligpriser"),
    ].flatMap { function, dataset, folder in
        ["status", "historisk"].map {
            Case(function: function, type: $0, dataset: dataset, input: "\(folder)/input_\(dataset).csv", expected: "\(folder)/output_\($0)")
        }
    }
    static let municipal = ["status", "historisk"].map {
        Case(
            function: "kommunale-boliger", type: $0, dataset: "kommunale-boliger", input: "kommunale_boliger/input_kommunale-boliger.csv",
            expected: "kommunale_boliger/output_\($0)",
            extraInputs: ["boligmengde-etter-boligtype": "kommunale_boliger/input_boligmengde-etter-boligtype.csv"])
    }
    static let employment = ["status", "historisk"].map {
        Case(
            function: "levekar-ikke-sysselsatte", type: $0, dataset: "befolkning-etter-kjonn-og-alder", input: befolkning,
            expected: "levekar_ikke_sysselsatte/output_\($0)", extraInputs: ["sysselsatte": "levekar_ikke_sysselsatte/input_sysselsatte.csv"])
    }
    static let allConditions = [
        Case(
            function: "levekar-totalt", type: "status", dataset: "befolkning-etter-kjonn-og-alder", input: befolkning,
            expected: "levekar_totalt/output_status",
            extraInputs: [
                "redusert-funksjonsevne": "levekar_redusert_funksjonsevne/input_redusert-funksjonsevne.csv",
                "botid-ikke-vestlige": "botid_ikke_vestlige/input_botid-ikke-vestlige.csv",
                "lav-utdanning": "levekar_lav_utdanning/input_lav-utdanning_synthetic.csv",
                "fattige-husholdninger": "fattige_barnehusholdninger/input_fattige-husholdninger.csv",
                "sysselsatte": "levekar_ikke_sysselsatte/input_sysselsatte.csv",
                "ikke-fullfort-vgs": "ikke_fullfort_vgs/input_ikke-fullfort-vgs.csv",
                "dodsrater": "levekaar_dodsrate/input_dodsrater.csv",
                "trangbodde": "levekar_trangbodde/input_trangbodde.csv",
            ]),
    ]
    static let landbakgrunn = [
        "landbakgrunn-storste-innvandringsgrupper": "landbakgrunn_innvandringsgrupper/input_landbakgrunn-storste-innvandringsgrupper.csv",
    ]

    /// `Fixtures/bydelsfakta/published/<function>/`: inputs in the published shape of Oslo's
    /// datasets (columns a function does not use, text age groups), one case per
    /// `output_<type>` the original made from them.
    static let published: [Case] = {
        let root = FixturePaths.fixture("bydelsfakta/published")
        let files = FileManager.default
        let folders = ((try? files.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        return folders.flatMap { folder -> [Case] in
            let entries = ((try? files.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []).sorted()
            let inputs = entries.filter { $0.hasPrefix("input_") && $0.hasSuffix(".csv") }
                .map { (dataset: String($0.dropFirst("input_".count).dropLast(".csv".count)), path: "published/\(folder)/\($0)") }
            guard let first = inputs.first else { return [] }
            return entries.filter { $0.hasPrefix("output_") }.map { output in
                Case(
                    function: folder.replacingOccurrences(of: "_", with: "-"), type: String(output.dropFirst("output_".count)),
                    dataset: first.dataset, input: first.path, expected: "published/\(folder)/\(output)",
                    extraInputs: Dictionary(uniqueKeysWithValues: inputs.dropFirst().map { ($0.dataset, $0.path) }))
            }
        }
    }()

    @Test("published-shape inputs: outputs equal the original's", arguments: published)
    func publishedParity(_ testCase: Case) async throws {
        try await Self.check(testCase)
    }

    @Test("the published-shape fixtures are there, with the three migration functions")
    func publishedFixtures() {
        let functions = Set(Self.published.map(\.function))
        #expect(functions.isSuperset(of: ["befolkningsutvkl-forv-utvkl", "flyttehyppighet-totalt", "flyttehyppighet-inn-kat"]))
        #expect(Self.published.count >= 70)
    }

    @Test("outputs equal the original's", arguments: cases + moves + totalMoves + rooms + buildings + children + householdTypes + under16 + nonWestern + preAggregated + municipal + employment + allConditions)
    func parity(_ testCase: Case) async throws {
        try await Self.check(testCase)
    }

    /// Runs the case's function on its input and compares every file with the original's.
    static func check(_ testCase: Case) async throws {
        let store = InMemoryObjectStore()
        var prefixes: [String: String] = [:]
        for (position, input) in ([(testCase.dataset, testCase.input)] + testCase.extraInputs.sorted { $0.key < $1.key }).enumerated() {
            try await store.put(try ObjectKey("processed/in\(position)/input.csv"), FixturePaths.data("bydelsfakta/" + input.1))
            prefixes[input.0] = "processed/in\(position)/"
        }
        let event = PipelineEvents.event(function: testCase.function, type: testCase.type, inputs: prefixes)
        let outcome = await PipelineRun(store: store, clock: FixedClock(Timestamp.parse("2026-11-22")!)).run(eventBytes: Array(event.utf8))
        #expect(outcome.failure == nil, "\(outcome.stepData)")
        let expectedDirectory = FixturePaths.fixture("bydelsfakta/" + testCase.expected)
        let expectedFiles = try FileManager.default.contentsOfDirectory(atPath: expectedDirectory.path).sorted()
        let prefix: ObjectPrefix = "intermediate/yellow/out/version=1/edition=1/lambda_invoker/"
        #expect(outcome.written.map { String($0.relative(to: prefix) ?? "") }.sorted() == expectedFiles)
        for file in expectedFiles {
            let expected = try JSONReader.parse(FixturePaths.text("bydelsfakta/\(testCase.expected)/\(file)"))
            guard let data = try await store.get(try prefix.appending(file)) else { continue }
            let actual = try JSONReader.parse([UInt8](data))
            if let difference = JSONParity.difference(actual, expected, path: file) {
                Issue.record(Comment(rawValue: difference))
            }
        }
    }
}

/// Events for tests.
enum PipelineEvents {
    static func event(function: String, type: String, inputs: [String: String]) -> String {
        let prefixes = JSONValue.object(JSONObject(inputs.map { .init(key: $0.key, value: .string($0.value)) }))
        let event: JSONValue = [
            "execution_name": "test", "task": "lambda_invoker",
            "payload": [
                "pipeline": ["id": "p", "task_config": ["lambda_invoker": ["arn": .string("bydelsfakta-data-processing-\(function)"), "type": .string(type)]]],
                "output_dataset": ["id": "out", "version": "1", "edition": "1", "s3_prefix": "%stage%/yellow/out/version=1/edition=1/"],
                "step_data": ["s3_input_prefixes": prefixes, "status": "PENDING", "errors": []],
            ],
        ]
        return JSONWriter.canonical(event)
    }
}
