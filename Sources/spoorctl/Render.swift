import SpoorProtocol

/// Readable forms of the daemon's replies.
enum Render {
    static func caseSummary(_ c: JSONValue) -> String {
        let youth = c["youth"]
        var pairs: [(String, String)] = [
            ("case", Output.text(c["case"])), ("unit", Output.text(c["unit"])),
            ("state", c["open"]?.bool == true ? "open" : "closed"), ("opened", Output.text(c["openedOn"])),
            ("youth", "\(Output.text(youth?["gender"])), \(Output.text(youth?["nationalityGroup"])), \(Output.text(youth?["ageAtOpening"])) at opening"),
        ]
        if let personal = c["personal"], personal != .null {
            pairs.append(("identity", personal.string ?? "\(Output.text(personal["name"])), born \(Output.text(personal["birthDate"]))"))
        }
        let consents = (c["consents"]?.array ?? []).map { consent in
            [consent["party"], consent["state"], consent["on"], consent["form"]].compactMap { $0?.string }.joined(separator: " ")
        }
        pairs.append(("consent", consents.isEmpty ? "not asked" : consents.joined(separator: "; ")))
        if let request = c["waiverRequest"], request != .null {
            pairs.append(("waiver", "requested by \(Output.text(request["requestedBy"])): \(Output.text(request["request"]?["ground"]))"))
        }
        if let waiver = c["waiver"], waiver != .null {
            pairs.append(("waiver", "approved \(Output.text(waiver["waivedOn"])) (\(Output.text(waiver["ground"]))), valid until \(Output.text(waiver["validUntil"]))"))
        }
        if let risk = c["lastRiskAssessment"], risk != .null {
            pairs.append(("risk", "\(Output.text(risk["instrument"])): \(Output.text(risk["outcome"])), next due \(Output.text(risk["nextDueOn"]))"))
        }
        let registrations = (c["registrations"]?.array ?? []).map { r in
            "\(Output.text(r["registeredOn"])) \(Output.text(r["kind"])) (\(Output.text(r["basis"])), \(r["purpose"]?.string ?? "statistics"))"
        } + (c["registeredElsewhere"]?.array ?? []).map { "by \(Output.text($0["registrant"])), learned \(Output.text($0["learnedOn"]))" }
        pairs.append(("registrations", registrations.isEmpty ? "none" : registrations.joined(separator: "; ")))
        if let due = c["registrationDue"], due != .null {
            pairs.append(("registration due", "by \(Output.text(due["dueOn"])) (\(Output.text(due["because"])); the \(Output.text(due["responsible"])) registers)"))
        }
        if let open = c["openObligations"]?.array, !open.isEmpty {
            pairs.append(("obligations", open.map { Output.text($0) }.joined(separator: ", ")))
        }
        let signals = (c["signals"]?.array ?? []).map { s in
            [Output.text(s["recorded"]?["signalID"]), Output.text(s["recorded"]?["observedOn"]), Output.text(s["formsOfExploitation"]),
             Output.text(s["step"]), s["retracted"]?.bool == true ? "retracted" : "", Output.text(s["forwardedTo"])]
        }
        let reports = (c["reports"]?.array ?? []).map { r in
            [Output.text(r["report"]?["reportID"]), Output.text(r["report"]?["reportedOn"]), Output.text(r["report"]?["urgency"]),
             Output.text(r["feedbackDueOn"]), (r["feedback"]?.array ?? []).map { Output.text($0["kind"]) }.joined(separator: ", ")]
        }
        return [Output.fields(pairs), "", "signals",
                Output.table(["id", "observed", "forms", "step", "", "forwarded to"], signals), "", "reports to Veilig Thuis",
                Output.table(["id", "reported", "urgency", "feedback due", "feedback"], reports)].joined(separator: "\n")
    }

    static func event(_ e: JSONValue) -> String {
        "\(Output.text(e["position"]))  \(Output.text(e["recordedAt"]))  \(Output.text(e["stream"]))@\(Output.text(e["streamVersion"]))  \(Output.text(e["type"]))  \(Output.text(e["actor"]?["name"]))/\(Output.text(e["role"]))"
    }
}
