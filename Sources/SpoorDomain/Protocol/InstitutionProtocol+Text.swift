import SpoorJSON

/// The protocol in words, for `spoorctl protocol show`: who does what by when, and why.
extension InstitutionProtocol {
    public var text: String {
        var lines = ["\(self.name), version \(self.version)", "  agreed: \(self.source)", "", "Steps (who, by when, from what):"]
        for kind in StepKind.allCases {
            let step = rule(of: kind)
            var line = "  \(kind.rawValue): the \(step.responsible.inWords), within \(step.within) of \(kind.startsFrom)"
            if let signOff = step.signOffBy { line += "; signed off by the \(signOff.inWords)" }
            if step.needsWeighingUnlessAcute == true { line += "; needs a weighing unless acute" }
            lines += [line, "      source: \(step.source)"]
        }
        lines += ["", "Consent for an identifiable CoMensha registration:"]
        for row in self.consent.table.rows {
            lines += ["  ages \(row.ages.lowerBound)-\(row.ages.upperBound): \(row.who)", "      source: \(row.source)"]
        }
        let waiver = self.consent.waiver
        lines += [
            """
              waiver: approved by a \(waiver.approvedBy.inWords) other than the requester; valid \(waiver.validDays) days, reminded \
            \(waiver.remindDaysBefore) days before
            """,
            "      source: \(waiver.source)",
            "",
            "Working days: Monday to Friday, less \(self.calendar.holidays.map(\.rawValue).joined(separator: ", "))"
                + (self.calendar.closedDays.isEmpty ? "" : " and \(self.calendar.closedDays.map(\.description).joined(separator: ", "))"),
            "      source: \(self.calendar.source)",
            "", "Retention: \(self.retention.years) years after the last change", "      source: \(self.retention.source)",
            "Statistics: cells under \(self.statistics.smallCellThreshold) hidden outside care", "      source: \(self.statistics.source)",
            """
            Subject access: parents read the file of a youth from \(self.access.parentsNeedConsentFrom ?? SubjectAccess.lawsConsentAge) only with \
            the youth's consent
            """,
            "      source: BW art. 7:457, 7:465" + (self.access.parentsNeedConsentFrom == nil ? "" : "; narrowed by \(self.access.source)"),
            "Signals: "
                + (self.access.signalsWithoutGround == true
                    ? "any carer may record one on a case it cannot read, and reads the case from then"
                    : "recorded by carers with a ground to read the case"),
            "      source: \(self.access.source)",
            """
            Catalogue version \(self.catalogue.version): \(self.catalogue.formsOfExploitation.count) forms of exploitation, \
            \(self.catalogue.signalCategories.count) signal categories
            """,
        ]
        return lines.joined(separator: "\n")
    }

    /// What changes from this protocol to `other`: each leaf that differs, as `path: old → new`.
    public func differences(to other: InstitutionProtocol) throws -> [String] {
        let old = Self.leaves(of: try JSONValueEncoder().encode(self))
        let new = Self.leaves(of: try JSONValueEncoder().encode(other))
        return Set(old.keys).union(new.keys).sorted().compactMap { path in
            switch (old[path], new[path]) {
            case let (before?, after?) where before != after: "\(path): \(before) → \(after)"
            case (let before?, nil): "\(path): \(before) → (removed)"
            case (nil, let after?): "\(path): (added) \(after)"
            default: nil
            }
        }
    }

    private static func leaves(of value: JSONValue, at path: String = "") -> [String: String] {
        func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
        switch value {
        case .object(let object):
            return object.reduce(into: [:]) { $0.merge(leaves(of: $1.value, at: join($1.key))) { $1 } }
        case .array(let items):
            return items.enumerated().reduce(into: [:]) { $0.merge(leaves(of: $1.element, at: join(String($1.offset)))) { $1 } }
        default:
            return [path: String(decoding: value.serialized, as: UTF8.self)]
        }
    }
}

extension InstitutionProtocol.StepKind {
    /// The event a step's deadline counts from.
    var startsFrom: String {
        switch self {
        case .consult: "the signal"
        case .converse: "the consultation"
        case .weigh: "the conversation, or the decision to skip it"
        case .report: "the weighing that decided to report"
        case .feedback: "the report"
        case .register: "the first suspicion weighed, report, or forward to the care coordinator"
        case .assessRisk: "the first signal"
        case .evaluateHelp: "the weighing that decided on help, unless it agreed a date"
        case .erase: "the request to erase"
        case .notifyWithdrawal: "a withdrawal of consent after an identifiable registration"
        }
    }
}
