/// The rules a protocol must keep to be adopted: the law's floor, and a shape Spoor can follow.
extension InstitutionProtocol {
    /// Every problem with the protocol's content; empty when it may be adopted.
    public func check() -> [ProtocolError.Problem] {
        var problems: [ProtocolError.Problem] = []
        func require(_ holds: Bool, _ path: String, _ message: String) {
            if !holds { problems.append(.init(path: path, message: message)) }
        }
        require(self.version >= 1, "version", "starts at 1 and rises with every change")
        require(!self.name.isEmpty, "name", "name the protocol")
        require(!self.source.isEmpty, "source", "say who agreed to it")
        checkConsentTable(require)
        let waiver = self.consent.waiver
        require(
            Permissions.officers.contains(waiver.approvedBy), "consent.waiver.approvedBy",
            "a waiver is approved by an \(Permissions.officers.map(\.rawValue).sorted().joined(separator: " or a "))")
        require((1...365).contains(waiver.validDays), "consent.waiver.validDays", "a waiver lasts 1 to 365 days")
        require((0..<waiver.validDays).contains(waiver.remindDaysBefore), "consent.waiver.remindDaysBefore", "lies between 0 and validDays")
        for kind in StepKind.allCases { checkStep(kind, require) }
        checkCatalogue(require)
        require(self.retention.years >= 20, "retention.years", "Jeugdwet art. 7.3.8 keeps a dossier at least 20 years")
        require(self.retention.years <= 115, "retention.years", "is at most 115")
        require(
            self.retention.erasure.within.days.map { $0 <= 92 } ?? (self.retention.erasure.within.workingDays.map { $0 <= 63 } ?? true),
            "retention.erasure.within", "Jeugdwet art. 7.3.9: a dossier is destroyed within three months of the request")
        require(self.retention.remindDaysBefore >= 0, "retention.remindDaysBefore", "is 0 or more")
        require(Set(self.retention.holdReasons.map(\.id)).count == self.retention.holdReasons.count, "retention.holdReasons", "names an id twice")
        require(
            self.retention.holdReasons.allSatisfy { !$0.id.isEmpty && !$0.label.isEmpty && !$0.source.isEmpty }, "retention.holdReasons",
            "every reason has an id, a label and its source in law")
        require((1...100).contains(self.statistics.smallCellThreshold), "statistics.smallCellThreshold", "lies between 1 and 100")
        require((0...365).contains(self.access.relationshipDays), "access.relationshipDays", "lies between 0 and 365")
        require(!self.access.source.isEmpty, "access.source", "say where the rule comes from")
        if let age = self.access.parentsNeedConsentFrom {
            require(
                (12...SubjectAccess.lawsConsentAge).contains(age), "access.parentsNeedConsentFrom",
                "lies between 12 and 16: a protocol may narrow the parents' access (BW art. 7:457, 7:465), never widen it")
        }
        for role in self.access.unitsByRole.keys.sorted() {
            require(
                Role(rawValue: role).map(Permissions.care.contains) == true, "access.unitsByRole.\(role)",
                "names a care role: \(Permissions.care.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        require(Set(self.calendar.holidays).count == self.calendar.holidays.count, "calendar.holidays", "names a holiday twice")
        if let episode = self.registration?.newEpisode {
            require((30...3_650).contains(episode.afterDays), "registration.newEpisode.afterDays", "lies between 30 and 3650")
            require(!episode.source.isEmpty, "registration.newEpisode.source", "say where the rule comes from")
        }
        if let holders = self.consent.holders { require(!holders.source.isEmpty, "consent.holders.source", "say where the rule comes from") }
        for (path, text) in [
            ("calendar.source", self.calendar.source), ("consent.waiver.source", waiver.source),
            ("retention.source", self.retention.source), ("statistics.source", self.statistics.source),
        ] {
            require(!text.isEmpty, path, "say where the rule comes from")
        }
        return problems
    }

    /// The rows cover every age from 0 to ``Decider/maxYouthAge`` once, in order, each naming who consents and why.
    private func checkConsentTable(_ require: (Bool, String, String) -> Void) {
        var next = 0
        for (index, row) in self.consent.table.rows.enumerated() {
            let path = "consent.table.\(index)"
            require(row.ages.lowerBound == next, "\(path).ages", "starts at \(next): the rows cover every age once, in order")
            require(!row.requires.isEmpty, "\(path).requires", "name whose consent is needed")
            require(!row.source.isEmpty, "\(path).source", "cite the law the row follows")
            for age in row.ages {
                let floor = ConsentTable.legalFloor(forAge: age)
                guard !floor.sides.allSatisfy(row.requires.contains), (row.overridesLegalFloor ?? "").isEmpty else { continue }
                require(
                    false, "\(path).requires",
                    """
                    asks less than the law at age \(age) (\(floor.source)): \
                    keep the floor, or say why in overridesLegalFloor, with its source
                    """)
                break
            }
            next = row.ages.upperBound + 1
        }
        require(next == Decider.maxYouthAge + 1, "consent.table", "the rows cover the ages 0 to \(Decider.maxYouthAge) of youth care")
    }

    /// The command that takes `kind`, whose roles the step's responsible role must be among.
    static func command(of kind: StepKind) -> EventKind {
        switch kind {
        case .consult: ConsultationHeld.kind
        case .converse: ConversationHeld.kind
        case .weigh, .evaluateHelp: WeighingRecorded.kind
        case .report: ReportedToVeiligThuis.kind
        case .feedback: VeiligThuisFeedbackReceived.kind
        case .register: RegisteredAtCoMensha.kind
        case .assessRisk: RiskAssessed.kind
        case .erase: PersonalDataErased.kind
        case .notifyWithdrawal: WithdrawalNotified.kind
        }
    }

    private func checkStep(_ kind: StepKind, _ require: (Bool, String, String) -> Void) {
        let step = rule(of: kind)
        let path = kind == .erase ? "retention.erasure" : "steps.\(Steps.key(of: kind))"
        if kind == .erase {
            require(step.responsible == .privacyOfficer, "\(path).responsible", "the privacy officer executes an erasure")
        } else {
            require(
                Permissions.care.contains(step.responsible), "\(path).responsible",
                "a step is taken by a care role: \(Permissions.care.map(\.rawValue).sorted().joined(separator: ", "))")
        }
        let acts = Self.command(of: kind)
        require(
            acts.roles.contains(step.responsible), "\(path).responsible",
            "the \(step.responsible.rawValue) may not \(acts.action): name one of \(acts.roles.map(\.rawValue).sorted().joined(separator: ", "))")
        let within = step.within
        require((within.days == nil) != (within.workingDays == nil), "\(path).within", "give days or workingDays, one of them")
        require((0...3_650).contains(within.days ?? within.workingDays ?? 0), "\(path).within", "lies between 0 and 3650")
        require(!step.source.isEmpty, "\(path).source", "say where the deadline comes from")
        if let signOff = step.signOffBy {
            require(kind == .weigh, "\(path).signOffBy", "only a weighing has a sign-off")
            require(Permissions.care.contains(signOff), "\(path).signOffBy", "a weighing is signed off in a care role")
        }
        require(step.needsWeighingUnlessAcute == nil || kind == .report, "\(path).needsWeighingUnlessAcute", "applies to the report only")
        require(step.needsStepsBefore == nil || kind == .weigh, "\(path).needsStepsBefore", "applies to the weighing only")
    }

    private func checkCatalogue(_ require: (Bool, String, String) -> Void) {
        require(self.catalogue.version >= 1, "catalogue.version", "starts at 1")
        let lists: [(String, [Catalogue.Entry])] = [
            ("formsOfExploitation", self.catalogue.formsOfExploitation), ("signalCategories", self.catalogue.signalCategories),
            ("riskInstruments", self.catalogue.riskInstruments), ("consultationParties", self.catalogue.consultationParties),
            ("forwardingRecipients", self.catalogue.forwardingRecipients),
        ]
        // The meldcode's triggers: a forward to, and a consultation of, the care coordinator make a registration due.
        if self.catalogue.namesTriggers {
            for (name, entries) in [
                ("consultationParties", self.catalogue.consultationParties), ("forwardingRecipients", self.catalogue.forwardingRecipients),
            ] {
                require(
                    entries.contains { $0.callsForRegistration == true }, "catalogue.\(name)",
                    "marks the care coordinator with callsForRegistration: a protocol may not switch the trigger off")
            }
        } else {
            require(
                self.catalogue.forwardingRecipients.contains { $0.id == Catalogue.legacyRegistrationRecipient }, "catalogue.forwardingRecipients",
                "lists care-coordinator, or marks the care coordinator with callsForRegistration: a protocol may not switch the trigger off")
        }
        for (name, entries) in lists.prefix(3) {
            require(
                entries.allSatisfy { $0.callsForRegistration == nil }, "catalogue.\(name)",
                "callsForRegistration is for consultation parties and forwarding recipients")
        }
        for (name, entries) in lists {
            require(!entries.isEmpty, "catalogue.\(name)", "lists at least one entry")
            require(Set(entries.map(\.id)).count == entries.count, "catalogue.\(name)", "names an id twice")
            require(entries.allSatisfy { !$0.id.isEmpty && !$0.label.isEmpty }, "catalogue.\(name)", "every entry has an id and a label")
        }
    }
}

extension InstitutionProtocol.Steps {
    /// The step's key in the protocol file.
    static func key(of kind: InstitutionProtocol.StepKind) -> String {
        switch kind {
        case .assessRisk: "assessRisk"
        case .evaluateHelp: "evaluateHelp"
        case .notifyWithdrawal: "notifyWithdrawal"
        default: kind.rawValue
        }
    }
}
