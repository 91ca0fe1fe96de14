import SpoorDomain
import SpoorLedger
import SpoorProtocol

extension Dispatcher {
    /// Years after a case's last change that its personal data must go, by the protocol in force.
    private var retentionYears: Int { protocols.current.retention.years }

    /// Cases not erased whose last change lies more than the retention period before `on`.
    private func casesPastRetention(on day: Day) throws -> [CaseDigest] {
        let components = day.components
        let limit = (try? Day(year: components.year - retentionYears, month: components.month, day: min(components.day, 28))) ?? day
        return try projections.withDigests { $0.filter { !$0.isErased && $0.lastChangedOn < limit } }.sorted { $0.caseID < $1.caseID }
    }

    private func listing(_ cases: [CaseDigest]) -> JSONValue {
        .array(cases.map { ["case": .string($0.caseID), "lastChangedOn": .string($0.lastChangedOn.description)] })
    }

    func retentionDue(_ params: RetentionParams) throws -> JSONValue {
        let day = try Self.day(params.on)
        return ["on": .string(day.description), "retentionYears": .number(Double(retentionYears)), "cases": listing(try casesPastRetention(on: day))]
    }

    /// Erases every case past retention, each through the erase command as the caller (so each
    /// erasure is its own recorded, atomic event); without `confirm`, says what it would erase.
    func retentionApply(_ params: RetentionParams, _ caller: Caller) async throws -> JSONValue {
        let day = try Self.day(params.on)
        let due = try casesPastRetention(on: day)
        guard params.confirm == true else {
            return ["dryRun": true, "on": .string(day.description), "cases": listing(due)]
        }
        var erased: [JSONValue] = []
        for state in due {
            let body: JSONValue = ["basis": "retention", "erasedOn": .string(Day.today.description),
                                   "reason": .string("retention: last change \(state.lastChangedOn), more than \(retentionYears) years before \(day)")]
            _ = try await command(CommandParams(case: state.caseID, command: "erase-personal-data", body: body, role: Role.privacyOfficer.rawValue), caller)
            erased.append(.string(state.caseID))
        }
        return ["dryRun": false, "on": .string(day.description), "erased": .array(erased)]
    }
}
