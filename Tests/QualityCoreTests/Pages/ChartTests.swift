import Foundation
import QualityCore
import ReportKit
import Testing

@Suite("Charts")
struct ChartTests {
    @Test("every chart colour passes WCAG AA for graphics (3:1) on the light and the dark page")
    func contrast() {
        let colours = [ChartPalette.bar, ChartPalette.other, ChartPalette.increase, ChartPalette.decrease, ChartPalette.grid] + ChartPalette.series
        for colour in colours {
            #expect(ChartPalette.contrast(colour, ChartPalette.lightBackground) >= 3, "\(colour) on white")
            #expect(ChartPalette.contrast(colour, ChartPalette.darkBackground) >= 3, "\(colour) on dark")
        }
        #expect(abs(ChartPalette.contrast("#000000", "#ffffff") - 21) < 0.001)
    }

    @Test("nice scales cover the data with ticks at 1, 2 or 5 times a power of ten", arguments: [
        (0.0, 17.0, 5, [0.0, 5, 10, 15, 20]),
        (0.0, 1.0, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1]),
        (-3.0, 7.0, 5, [-4.0, -2, 0, 2, 4, 6, 8]),
        (0.0, 0.0, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1]),
        (1000.0, 1000.0, 4, [0.0, 500, 1000]),
        (120.0, 980.0, 5, [0.0, 200, 400, 600, 800, 1000]),
    ])
    func niceTicks(minimum: Double, maximum: Double, ticks: Int, expected: [Double]) {
        let scale = NiceScale(minimum: minimum, maximum: maximum, ticks: ticks)
        let step = scale.step
        let power = pow(10, log10(step).rounded(.down))
        #expect([1.0, 2, 5, 10].contains { abs(step / power - $0) < 1e-9 }, "step \(step)")
        #expect(scale.lower <= minimum && scale.upper >= maximum)
        #expect(scale.ticks == expected)
    }

    @Test("numbers and signs as charts write them")
    func numbers() {
        #expect(ChartText.number(1234) == "1234")
        #expect(ChartText.number(-3) == "−3")
        #expect(ChartText.number(0.25) == "0.25")
        #expect(ChartText.number(2.5004) == "2.5")
        #expect(ChartText.number(-0.5) == "−0.5")
        #expect(ChartText.signed(15) == "+15")
        #expect(ChartText.signed(-2) == "−2")
        #expect(ChartText.signed(0) == "0")
    }

    @Test("a long label is cut with an ellipsis and kept whole in a <title> tooltip")
    func labels() throws {
        let long = "a value far too long to fit beside its bar"
        let chart = TopValuesChart(title: "t", counts: [(long, 3), ("short", 1)]).svg(id: "c")
        let text = try chart.render()
        #expect(text.contains("<text x=\"150\" y=\"22\" fill=\"currentColor\" text-anchor=\"end\"><title>\(long)</title>a value far too long …</text>"))
        #expect(text.contains(">short</text>"))
    }

    @Test("top values: the first N, then the rest and the unlisted values as 'other'")
    func topValues() {
        let counts: [(value: String, count: Double)] = (1...12).map { ("v\($0)", Double(13 - $0)) }
        let chart = TopValuesChart(title: "t", counts: counts, top: 10, total: 100)
        #expect(chart.bars.count == 11)
        #expect(chart.bars.last == TopValuesChart.Bar(label: "other (2 values)", count: 2 + 1 + (100 - 78), isOther: true))
        #expect(TopValuesChart(title: "t", counts: [("a", 1)]).bars.count == 1)
    }

    @Test("a histogram puts each value in its round-edged bin, the maximum in the last")
    func histogram() throws {
        let chart = try #require(HistogramChart(title: "h", values: [(0, 1), (9.5, 2), (10, 3), (100, 4)], count: 10))
        #expect(chart.bins.first?.lower == 0)
        #expect(chart.bins.last?.upper == 100)
        #expect(chart.bins.count == 10)
        #expect(chart.bins[0].count == 3 && chart.bins[1].count == 3 && chart.bins[9].count == 4)
        #expect(chart.bins.reduce(0) { $0 + $1.count } == 10)
        #expect(HistogramChart(title: "h", values: []) == nil)
    }

    @Test("changes are drawn both ways and their signs are written as text")
    func changes() throws {
        let text = try ChangeChart(title: "c", bars: [.init(label: "Blood", change: 7), .init(label: "HMB", change: -2)]).svg(id: "d").render()
        #expect(text.contains(">+7</text>") && text.contains(">−2</text>"))
        #expect(text.contains(ChartPalette.increase) && text.contains(ChartPalette.decrease))
        #expect(text.contains("<desc id=\"d-d\">Changes: Blood +7, HMB −2.</desc>"))
    }

    @Test("every chart names itself for screen readers: role img, <title> and <desc>")
    func accessibleNames() throws {
        let charts: [HTML] = [
            TopValuesChart(title: "Top", counts: [("a", 1)]).svg(id: "a"),
            HistogramChart(title: "Hist", values: [(1, 1), (2, 2)])!.svg(id: "b"),
            ChangeChart(title: "Change", bars: [.init(label: "x", change: 1)]).svg(id: "c"),
            TrendChart(title: "Trend", labels: ["03-14", "03-15"], series: [.init(name: "rows", values: [1, 2]), .init(name: "gone", values: [nil, 3])]).svg(id: "e"),
        ]
        for (chart, id) in zip(charts, ["a", "b", "c", "e"]) {
            let text = try chart.render()
            #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(text.contains("role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\""))
            #expect(text.contains("<title id=\"\(id)-t\">") && text.contains("<desc id=\"\(id)-d\">"))
        }
    }

    @Test("trend lines differ by dash pattern, not colour alone, and x labels never crowd")
    func trend() throws {
        let labels = (1...30).map { String(format: "03-%02d", $0) }
        let series = (0..<3).map { TrendChart.Series(name: "n\($0)", values: labels.indices.map { Double($0 * ($0 + 1)) }) }
        let text = try TrendChart(title: "t", labels: labels, series: series).svg(id: "t").render()
        #expect(text.contains("stroke-dasharray=\"6 3\"") && text.contains("stroke-dasharray=\"2 3\""))
        let shown = labels.filter { text.contains(">\($0)</text>") }
        #expect(shown.count < 15 && shown.contains("03-30"), "\(shown)")
    }
}
