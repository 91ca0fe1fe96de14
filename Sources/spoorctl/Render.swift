import SpoorProof
import SpoorProtocol

/// Readable forms of the daemon's replies.
enum Render {
    static func caseSummary(_ c: CaseReply) -> String {
        var pairs: [(String, String)] = [
            ("case", c.case), ("unit", c.unit), ("state", c.open ? "open" : "closed"), ("opened", c.openedOn),
            (
                "youth",
                "\(Output.text(c.youth["gender"])), \(Output.text(c.youth["nationalityGroup"])), \(Output.text(c.youth["ageAtOpening"])) at opening"
            ),
        ]
        if let personal = c.personal, personal != .null {
            pairs.append(("identity", personal.string ?? "\(Output.text(personal["name"])), born \(Output.text(personal["birthDate"]))"))
        }
        let consents = c.consents.map { [$0.party, $0.state, $0.on, $0.form].compactMap { $0 }.joined(separator: " ") }
        pairs.append(("consent", consents.isEmpty ? "not asked" : consents.joined(separator: "; ")))
        if let request = c.waiverRequest {
            pairs.append(("waiver", "requested by \(request.requestedBy): \(Output.text(request.request["ground"]))"))
        }
        if let waiver = c.waiver, waiver != .null {
            pairs.append(
                (
                    "waiver",
                    "approved \(Output.text(waiver["waivedOn"])) (\(Output.text(waiver["ground"]))), valid until \(Output.text(waiver["validUntil"]))"
                ))
        }
        if let risk = c.lastRiskAssessment, risk != .null {
            pairs.append(("risk", "\(Output.text(risk["instrument"])): \(Output.text(risk["outcome"])), next due \(Output.text(risk["nextDueOn"]))"))
        }
        let registrations =
            c.registrations.map { r in
                "\(Output.text(r["registeredOn"])) \(Output.text(r["kind"])) (\(Output.text(r["basis"])), \(r["purpose"]?.string ?? "statistics"))"
            } + c.registeredElsewhere.map { "by \(Output.text($0["registrant"])), learned \(Output.text($0["learnedOn"]))" }
        pairs.append(("registrations", registrations.isEmpty ? "none" : registrations.joined(separator: "; ")))
        if let due = c.registrationDue {
            pairs.append(("registration due", "by \(due.dueOn) (\(due.because); the \(due.responsible) registers)"))
        }
        if !c.openObligations.isEmpty { pairs.append(("obligations", c.openObligations.joined(separator: ", "))) }
        let signals = c.signals.map { s in
            [
                Output.text(s.recorded["signalID"]), Output.text(s.recorded["observedOn"]), s.formsOfExploitation.joined(separator: ", "),
                s.step, s.retracted ? "retracted" : "", s.forwardedTo.joined(separator: ", "),
            ]
        }
        let reports = c.reports.map { r in
            [
                Output.text(r.report["reportID"]), Output.text(r.report["reportedOn"]), Output.text(r.report["urgency"]),
                r.feedbackDueOn, r.feedback.map { Output.text($0["kind"]) }.joined(separator: ", "),
            ]
        }
        return
            ([
                Output.fields(pairs), "", "signals",
                Output.table(["id", "observed", "forms", "step", "", "forwarded to"], signals),
            ] + notes(c) + [
                "", "reports to Veilig Thuis",
                Output.table(["id", "reported", "urgency", "feedback due", "feedback"], reports),
            ]).joined(separator: "\n")
    }

    /// What the carers wrote on each signal, as `--json` shows it: the text where the reader may
    /// read it, "sealed" where not; and how many statements of the youth the case holds.
    static func notes(_ c: CaseReply) -> [String] {
        let notes = c.signals.compactMap { s -> String? in
            guard let personal = s.recorded["personal"], personal != .null else { return nil }
            return "  \(Output.text(s.recorded["signalID"])): " + (personal["text"]?.string ?? "sealed (\(c.access ?? "no care relationship"))")
        }
        let statements = c.statements > 0 ? ["  statements of the youth: \(c.statements) (subject export --for youth shows them)"] : []
        return notes.isEmpty && statements.isEmpty ? [] : ["", "notes"] + notes + statements
    }

    static func event(_ e: EventRecord) -> String {
        """
        \(e.position)  \(e.recordedAt)  \(e.stream)@\(e.streamVersion)  \(e.type)  \
        \(e.actor.name)\(e.onBehalfOf.map { " for \($0)" } ?? "")/\(e.role)
        """
    }

    /// Who acted in a trail's step: the actor, and the person it vouched for when it was a delegate.
    static func who(_ entry: JSONValue) -> String {
        Output.text(entry["actor"]) + (entry["onBehalfOf"]?.string.map { " for \($0)" } ?? "")
    }

    /// Who acted, as an event's hash binds it: the OS user, and the person it vouched for.
    static func who(_ event: RecordedEvent) -> String {
        "\(event.actor.name) (uid \(event.actor.uid))" + (event.onBehalfOf.map { " on behalf of \($0)" } ?? "")
    }

    /// A declared restore, as the auditor reads it: which epoch it began, from what.
    static func restore(_ epoch: LogEpochRecord) -> String {
        let d = epoch.declaration
        return
            """
            epoch \(d.epoch) (\(d.origin)) began at position \(epoch.position) with a declared restore: the store went on from \(d.restoredSize) \
            events; \
            the last checkpoint signed as \(d.previousOrigin) held \(d.signedSize)
            """ + (d.lostEvents > 0 ? ", \(d.lost) lost" : "")
    }
}
