import SpoorProtocol

/// `stats --format html`: the funnel from signal to registration, the signals by form of
/// exploitation and by age group, the trend by month, and the table, for management. Figures only:
/// the daemon has already withheld small cells for roles without care access.
enum StatsPage {
    static let steps = [("signals", "signals"), ("consulted", "consulted"), ("reported", "reported to Veilig Thuis"), ("registered", "registered at CoMensha")]

    static func render(totals: JSONValue, byForm: JSONValue, byAge: JSONValue, byMonth: JSONValue, from: String?, to: String?) -> String {
        var page = HTMLPage(title: "Spoor: signals of human trafficking, " + period(from, to))
        let total = totals["rows"]?.array?.first ?? .object([:])
        page.add(heading: "From signal to registration", BarChart(bars: steps.map { key, label in bar(label, total[key]) }).svg)
        page.add(heading: "Signals by form of exploitation", BarChart(bars: rows(byForm, "form"), colour: "#7a4fb0").svg)
        page.add(heading: "Signals by age group", BarChart(bars: rows(byAge, "age-group"), colour: "#2f8f6f").svg)
        page.add(heading: "Signals by month", BarChart(bars: rows(byMonth, "month"), colour: "#b0662f").svg)
        let header = ["form", "signals", "consulted", "reported", "registered", "median days to consult", "to report", "to register"]
        let table = (byForm["rows"]?.array ?? []).map { row in
            [Output.text(row["group"]?["form"])] + ["signals", "consulted", "reported", "registered", "medianDaysToConsultation",
                                                    "medianDaysToReport", "medianDaysToRegistration"].map { Output.text(row[$0]) }
        }
        var note = "A signal with more than one form of exploitation counts under each."
        if let threshold = totals["suppressedBelow"]?.number {
            note += " Counts under \(Int(threshold)) show as &lt;\(Int(threshold)) (hatched): your roles have no care access, and a small count could name a youth."
        }
        page.add(heading: "The figures", HTMLPage.table(header, table) + "<p class=\"note\">\(note)</p>")
        return page.html
    }

    private static func period(_ from: String?, _ to: String?) -> String {
        switch (from, to) {
        case (nil, nil): "all time"
        case (let from?, nil): "from \(from)"
        case (nil, let to?): "until \(to)"
        case (let from?, let to?): "\(from) to \(to)"
        }
    }

    private static func bar(_ label: String, _ value: JSONValue?) -> BarChart.Bar {
        BarChart.Bar(label: label, value: value?.number, text: Output.text(value))
    }

    private static func rows(_ result: JSONValue, _ dimension: String) -> [BarChart.Bar] {
        (result["rows"]?.array ?? []).map { row in bar(Output.text(row["group"]?[dimension]), row["signals"]) }
    }
}
