import Foundation

extension Decider {
    func checked(_ opened: CaseOpened, _ context: Context) throws(DomainError) -> CaseOpened {
        var opened = opened
        try CaseOpened.checkID(opened.caseID)
        guard !opened.unit.isEmpty else { throw .invalidField("unit", "name the unit the case belongs to") }
        if let identity = opened.personal {
            guard identity.birthDate <= opened.openedOn else { throw .invalidField("birthDate", "lies after the opening day") }
            opened.youth.ageAtOpening = identity.birthDate.age(on: opened.openedOn)
        }
        if let country = opened.youth.nationality {
            guard country.utf8.count == 2, country.utf8.allSatisfy({ (0x41...0x5A).contains($0) }) else {
                throw .invalidField("nationality", "\"\(country)\" is not an ISO 3166-1 alpha-2 code such as NL or RO")
            }
            guard (country == "NL") == (opened.youth.nationalityGroup == .dutch) else {
                throw .invalidField("nationality", "\(country) does not agree with the nationality group \(opened.youth.nationalityGroup.rawValue)")
            }
        }
        guard (0...Self.maxYouthAge).contains(opened.youth.ageAtOpening) else {
            let field = opened.personal?.birthDate == nil ? "youth.ageAtOpening" : "personal.birthDate"
            throw .invalidField(field, "gives an age of \(opened.youth.ageAtOpening): youth care serves ages 0 to \(Self.maxYouthAge)")
        }
        return opened
    }

    func notFuture(_ day: Day, _ field: String, _ context: Context) throws(DomainError) {
        guard day <= context.today else { throw .invalidField(field, "\(day) lies in the future") }
    }

    static func requireText(_ note: Note?, _ field: String, _ problem: String) throws(DomainError) {
        guard !(note?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .invalidField(field, problem) }
    }

    /// A case with open obligations closes only when the closing names every one of them and says why.
    static func checkObligations(_ closing: CaseClosed, on state: CaseState) throws(DomainError) {
        let open = state.openObligations
        let named = closing.openObligations ?? []
        guard Set(named) == Set(open) else {
            let list = open.isEmpty ? "none" : open.map(\.rawValue).joined(separator: ", ")
            throw .ruleViolated(
                rule: "closing a case",
                reason: "the open obligations are: \(list); close only naming each of them, with the reason")
        }
        if !open.isEmpty { try requireText(closing.personal, "reason", "say why the case is closed with obligations open") }
    }

    /// Every id names a signal of the case that is not retracted; at least one is named.
    static func activeSignals(_ ids: [String], in state: CaseState) throws(DomainError) {
        guard !ids.isEmpty else { throw .invalidField("signalIDs", "name at least one signal") }
        for id in ids {
            guard let signal = state.signals[id] else { throw .signalNotFound(id) }
            guard !signal.isRetracted else {
                throw .ruleViolated(rule: "signals", reason: "\(id) was retracted")
            }
        }
    }

    /// Derives the norm from the five answers and refuses a decision that ignores it.
    static func checkDecision(_ weighing: inout WeighingRecorded) throws(DomainError) {
        let norm = WeighingRecorded.norm(for: weighing.answers)
        weighing.norm = norm
        if let norm, !weighing.decision.reports {
            let why =
                switch norm {
                case .n1: "there is acute or structural unsafety"
                case .n2: "no effective help can be offered or it is not accepted"
                case .n3: "the help does not bring safety"
                }
            throw .ruleViolated(
                rule: "afwegingskader norm \(norm.rawValue)",
                reason: "the answers oblige a report to Veilig Thuis: \(why)")
        }
        if let evaluateOn = weighing.evaluateOn {
            guard weighing.decision.helps else { throw .invalidField("evaluateOn", "is agreed only for a decision with help") }
            guard evaluateOn > weighing.weighedOn else { throw .invalidField("evaluateOn", "falls after the weighing of \(weighing.weighedOn)") }
        }
        if !weighing.answers.suspicion, weighing.decision.reports {
            throw .ruleViolated(rule: "afwegingskader question 1", reason: "a report needs a suspicion: answer question 1 yes")
        }
        let branch = Afwegingskader.branch(for: weighing.answers)
        guard branch.allowed.contains(weighing.decision) else {
            throw .ruleViolated(
                rule: branch.source,
                reason: """
                    with \(branch.when), decide \(branch.allowed.map(\.rawValue).joined(separator: " or ")), \
                    not \(weighing.decision.rawValue)
                    """)
        }
    }

    /// A weighing follows step 2 (a consultation) and step 3 (a conversation, or the recorded
    /// reason to skip it) for each signal it weighs, unless it records acute danger; the protocol
    /// may relax this, with its source.
    func checkStepsBeforeWeighing(_ weighing: WeighingRecorded, on state: CaseState) throws(DomainError) {
        guard rules.steps.weigh.needsStepsBefore != false, !weighing.answers.acuteOrStructuralUnsafety else { return }
        for id in weighing.signalIDs {
            guard state.consultations.contains(where: { $0.signalIDs.contains(id) }) else {
                throw .ruleViolated(
                    rule: "meldcode step 2; protocol \(rules.version): \(rules.steps.weigh.source)",
                    reason: "consult a colleague or the attention officer about \(id) before weighing it, unless it is acute")
            }
            let talkedOrSkipped =
                state.conversations.contains { $0.signalIDs.contains(id) }
                || state.skippedConversations.contains { $0.signalIDs.contains(id) }
            guard talkedOrSkipped else {
                throw .ruleViolated(
                    rule: "meldcode step 3; protocol \(rules.version): \(rules.steps.weigh.source)",
                    reason: "talk with the client about \(id) before weighing it, or record why the conversation is skipped")
            }
        }
    }

    /// A hold names a reason of the protocol's, says why, and ends after it begins.
    func checkHold(_ hold: LegalHoldPlaced, on state: CaseState) throws(DomainError) {
        guard state.legalHold == nil else { throw .ruleViolated(rule: "legal hold", reason: "the case is held already: lift that hold first") }
        guard rules.retention.holdReasons.contains(where: { $0.id == hold.reason }) else {
            throw .invalidField(
                "reason",
                """
                \"\(hold.reason)\" is not a hold reason of protocol \(rules.version): use \
                \(rules.retention.holdReasons.map(\.id).joined(separator: ", "))
                """
            )
        }
        if let until = hold.until, until <= hold.placedOn { throw .invalidField("until", "falls after \(hold.placedOn)") }
        try Self.requireText(hold.personal, "note", "say why the dossier is kept")
    }

    /// The protocol may have a weighing signed off in one role: it is recorded in that role.
    func checkSignOff(_ weighing: WeighingRecorded, _ context: Context) throws(DomainError) {
        guard let signOff = rules.steps.weigh.signOffBy, context.role != signOff else { return }
        throw .ruleViolated(
            rule: "protocol \(rules.version): \(rules.steps.weigh.source)",
            reason: "a weighing is signed off by the \(signOff.rawValue): record it in that role")
    }

    /// A report names at least one active signal, and each has had a conversation or a lawful
    /// skip, and, where the protocol says so, a weighing unless the report is acute.
    func checkReport(_ report: ReportedToVeiligThuis, on state: CaseState) throws(DomainError) {
        guard !report.signalIDs.isEmpty else {
            throw .ruleViolated(rule: "meldcode step 5", reason: "a report to Veilig Thuis needs at least one signal")
        }
        try Self.activeSignals(report.signalIDs, in: state)
        for id in report.signalIDs {
            let talkedOrSkipped =
                state.conversations.contains { $0.signalIDs.contains(id) }
                || state.skippedConversations.contains { $0.signalIDs.contains(id) }
            guard talkedOrSkipped else {
                throw .ruleViolated(
                    rule: "meldcode step 3",
                    reason: "talk with the client about \(id) first, or record why the conversation is skipped")
            }
        }
        if rules.steps.report.needsWeighingUnlessAcute == true, report.urgency != .acute {
            for id in report.signalIDs where !state.weighings.contains(where: { $0.signalIDs.contains(id) }) {
                throw .ruleViolated(
                    rule: "protocol \(rules.version): \(rules.steps.report.source)",
                    reason: "weigh \(id) with the afwegingskader first, or report it as acute")
            }
        }
        if !report.discussedWithClient && report.notDiscussedReason == nil {
            throw .invalidField("notDiscussedReason", "a report not discussed with the client needs one of the legal reasons")
        }
    }
}
