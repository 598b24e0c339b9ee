import Foundation

/// Full-size bydelsfakta inputs: 15 districts of 7 sub-districts (plus Sentrum, Marka and
/// no address: 108 sub-districts), 13 years, both sexes, ages 0-120; and the inputs of
/// levekar_lav_utdanning and eieform over the same places.
enum PipelineData {
    static let years = 2008...2020

    static var places: [(district: String, districtName: String, sub: String, subName: String)] {
        var places: [(String, String, String, String)] = []
        for district in 1...15 {
            let id = district < 10 ? "0\(district)" : "\(district)"
            for sub in 1...7 { places.append((id, "Bydel \(id)", "\(id)0\(sub)", "Delbydel \(id)0\(sub)")) }
        }
        places += [("16", "Sentrum", "1601", "Sentrum"), ("17", "Marka", "1701", "Marka"), ("99", "Uten registrert adresse", "9999", "Uten registrert adresse")]
        return places
    }

    /// Writes `<dir>/<dataset>/input.csv` for each dataset.
    static func write(to directory: String) throws {
        func save(_ dataset: String, _ text: String) throws {
            let folder = URL(fileURLWithPath: directory).appendingPathComponent("processed/\(dataset)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent("input.csv"))
        }
        var population = "aar;delbydel_id;delbydel_navn;bydel_id;bydel_navn;kjonn;" + (0...120).map(String.init).joined(separator: ";") + "\n"
        var education = "aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;ingen_utdanning_uoppgitt;grunnskole;videregaende;universitet_hogskole_kort;universitet_hogskole_lang\n"
        var tenure = "aar;bydel_id;bydel_navn;delbydel_id;delbydel_navn;selveier_alle;borettslag_andel_alle;leier_alle;selveier_uten_studenter;borettslag_andel_uten_studenter;leier_uten_studenter\n"
        for year in years {
            for (index, place) in places.enumerated() {
                let head = "\(year);\(place.sub);\(place.subName);\(place.district);\(place.districtName)"
                for sex in 1...2 {
                    population += "\(head);\(sex);" + (0...120).map { String(max(0, 60 - $0 / 2 + (index + year + sex) % 9)) }.joined(separator: ";") + "\n"
                }
                let where_ = "\(year);\(place.district);\(place.districtName);\(place.sub);\(place.subName)"
                education += "\(where_);\(10 + index % 7);\(100 + index);\(300 + year % 11);\(400 + index % 13);\(250 + index % 17)\n"
                let owner = 20 + Double(index % 30), share = 30 + Double((index + year) % 25)
                tenure += "\(where_);\(owner);\(share);\(100 - owner - share);\(owner);\(share);\(100 - owner - share)\n"
            }
        }
        try save("befolkning-etter-kjonn-og-alder", population)
        try save("lav-utdanning", education)
        try save("eieform", tenure)
    }

    /// The event for `function` (with dashes) and `type` reading `dataset`.
    static func event(function: String, type: String, dataset: String) -> String {
        """
        {"execution_name": "bench", "task": "lambda_invoker", "payload": {"pipeline": {"id": "bench", "task_config": \
        {"lambda_invoker": {"arn": "bydelsfakta-data-processing-\(function)", "type": "\(type)"}}}, "output_dataset": \
        {"id": "bench", "version": "1", "edition": "1", "s3_prefix": "%stage%/bench/\(function)-\(type)/"}, "step_data": \
        {"s3_input_prefixes": {"\(dataset)": "processed/\(dataset)/"}, "status": "PENDING", "errors": []}}}
        """
    }

    /// The functions timed: (name with dashes, module, type, dataset).
    static let runs = [
        ("alder-distribusjon-status", "alder_distribusjon_status", "status", "befolkning-etter-kjonn-og-alder"),
        ("folkemengde", "folkemengde", "historisk", "befolkning-etter-kjonn-og-alder"),
        ("folkemengde", "folkemengde", "historisk-prosent", "befolkning-etter-kjonn-og-alder"),
        ("folkemengde", "folkemengde", "nokkeltall", "befolkning-etter-kjonn-og-alder"),
        ("levekar-lav-utdanning", "levekar_lav_utdanning", "status", "lav-utdanning"),
        ("levekar-lav-utdanning", "levekar_lav_utdanning", "historisk", "lav-utdanning"),
        ("eieform", "eieform", "status", "eieform"),
        ("eieform", "eieform", "historisk", "eieform"),
    ]
}
