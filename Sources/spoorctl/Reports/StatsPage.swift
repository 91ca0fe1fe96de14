import SpoorDomain
import SpoorProtocol

/// `stats --format html`: the funnel from signal to registration, the signals by form of
/// exploitation and by age group, the trend by month, and the table, for management. Figures only:
/// the daemon has already withheld small cells for roles without care access.
enum StatsPage {

    static func render(
        totals: StatsReply, byForm: StatsReply, byAge: StatsReply, byMonth: StatsReply, from: String?, to: String?,
        language l: PageLanguage = .nl
    ) -> String {
        var page = HTMLPage(
            title: l.say("Spoor: signalen van mensenhandel, ", "Spoor: signals of human trafficking, ") + period(from, to, l), language: l)
        let total = totals.rows.first
        let funnel: [(String, StatsReply.Count?)] = [
            (l.say("signalen", "signals"), total?.signals), (l.say("overlegd", "consulted"), total?.consulted),
            (l.say("gemeld bij Veilig Thuis", "reported to Veilig Thuis"), total?.reported),
            (l.say("geregistreerd bij CoMensha", "registered at CoMensha"), total?.registered),
        ]
        page.add(heading: l.say("Van signaal tot registratie", "From signal to registration"), BarChart(bars: funnel.map { bar($0.0, $0.1) }).svg)
        page.add(
            heading: l.say("Signalen naar vorm van uitbuiting", "Signals by form of exploitation"),
            BarChart(bars: rows(byForm, "form"), colour: "#7a4fb0").svg)
        page.add(
            heading: l.say("Signalen naar leeftijdsgroep", "Signals by age group"), BarChart(bars: rows(byAge, "age-group"), colour: "#2f8f6f").svg)
        page.add(heading: l.say("Signalen per maand", "Signals by month"), BarChart(bars: rows(byMonth, "month"), colour: "#b0662f").svg)
        let header =
            l == .nl
            ? ["vorm", "jongeren", "signalen", "overlegd", "gemeld", "geregistreerd", "mediaan dagen tot overleg", "tot melding", "tot registratie"]
            : ["form", "youths", "signals", "consulted", "reported", "registered", "median days to consult", "to report", "to register"]
        let table = byForm.rows.map { row in
            [row.group["form"] ?? "-"] + [row.youths, row.signals, row.consulted, row.reported, row.registered].map(\.description)
                + [row.medianDaysToConsultation, row.medianDaysToReport, row.medianDaysToRegistration].map(StatsCommand.days)
        }
        var note = l.say(
            "Een signaal met meer dan één vorm van uitbuiting telt bij elke vorm mee.",
            "A signal with more than one form of exploitation counts under each.")
        if let threshold = totals.suppressedBelow {
            note += l.say(
                """
                 x (gearceerd) verbergt een aantal onder \(threshold), of een aantal waaruit het af te leiden is: uw rollen hebben geen \
                zorgtoegang, en een klein aantal kan een jongere herkenbaar maken.
                """,
                """
                 x (hatched) hides a count under \(threshold), or one it could be worked out from: your roles have no care access, and a small \
                count could name a youth.
                """
            )
            let merged = [byForm, byAge, byMonth].map(\.mergedGroups).reduce(0, +)
            if merged > 0 {
                note += l.say(
                    " Groepen van minder dan \(threshold) jongeren tellen samen als overig (\(merged) in totaal).",
                    " Groups of fewer than \(threshold) youths are counted together as other (\(merged) in all).")
            }
        } else {
            note += l.say(
                " Precieze aantallen van de zaken van de afdelingen waarvoor u zorgt.", " Exact figures of the cases of the units you care for.")
        }
        page.add(heading: l.say("De cijfers", "The figures"), HTMLPage.table(header, table) + "<p class=\"note\">\(note)</p>")
        return page.html
    }

    private static func period(_ from: String?, _ to: String?, _ l: PageLanguage) -> String {
        switch (from, to) {
        case (nil, nil): l.say("alle jaren", "all time")
        case (let from?, nil): l.say("vanaf \(from)", "from \(from)")
        case (nil, let to?): l.say("tot \(to)", "until \(to)")
        case (let from?, let to?): l.say("\(from) tot \(to)", "\(from) to \(to)")
        }
    }

    private static func bar(_ label: String, _ count: StatsReply.Count?) -> BarChart.Bar {
        BarChart.Bar(label: label, value: count?.value.map(Double.init), text: count?.description ?? "-")
    }

    private static func rows(_ reply: StatsReply, _ dimension: String) -> [BarChart.Bar] {
        reply.rows.map { row in bar(row.group[dimension] ?? "-", row.signals) }
    }
}
