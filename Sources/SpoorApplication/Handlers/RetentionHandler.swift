import SpoorDomain
import SpoorProof
import SpoorProtocol

/// Retention: which cases are past it, and their erasure, each through the erase command.
package struct RetentionHandler: Sendable {
    let projections: CaseProjection
    let protocols: AdoptedProtocols
    let commands: CommandHandler

    /// Years after a case's last change that its personal data must go, by the protocol in force.
    private var retentionYears: Int { protocols.current.retention.years }

    /// Cases not erased whose last change lies more than the retention period before `on`: those
    /// to erase, and those a legal hold keeps.
    private func casesPastRetention(on day: Day) throws -> (due: [CaseDigest], held: [CaseDigest]) {
        let components = day.components
        let limit = (try? Day(year: components.year - retentionYears, month: components.month, day: min(components.day, 28))) ?? day
        let past = try projections.withDigests { $0.filter { !$0.isErased && $0.lastChangedOn < limit } }.sorted { $0.caseID < $1.caseID }
        let held = past.filter { $0.legalHold?.holds(on: day) == true }
        return (past.filter { $0.legalHold?.holds(on: day) != true }, held)
    }

    private func listing(_ cases: [CaseDigest], on day: Day) -> [RetainedCase] {
        cases.map { state in
            let hold = state.legalHold.flatMap { $0.holds(on: day) ? $0 : nil }  // a hold that has ended is not shown as holding
            return RetainedCase(
                case: state.caseID, lastChangedOn: state.lastChangedOn.description, heldFor: hold?.reason,
                heldUntil: hold?.until?.description)
        }
    }

    func retentionDue(_ params: RetentionParams) throws -> JSONValue {
        let day = try Day.requested(params.on)
        let (due, held) = try casesPastRetention(on: day)
        return try JSONValue(
            encoding: RetentionDueReply(
                on: day.description, retentionYears: retentionYears, cases: listing(due, on: day),
                held: listing(held, on: day)))
    }

    /// Erases every case past retention, each through the erase command as the caller (so each
    /// erasure is its own recorded, atomic event); without `confirm`, says what it would erase.
    func retentionApply(_ params: RetentionParams, _ caller: Caller) async throws -> JSONValue {
        let day = try Day.requested(params.on)
        let due = try casesPastRetention(on: day).due
        guard params.confirm == true else {
            return try JSONValue(encoding: RetentionApplyReply.dryRun(on: day.description, cases: listing(due, on: day)))
        }
        var erased: [String] = []
        for state in due {
            let body: JSONValue = [
                "basis": "retention", "erasedOn": .string(Day.today.description),
                "reason": .string("retention: last change \(state.lastChangedOn), more than \(retentionYears) years before \(day)"),
            ]
            let erase = try CaseCommand(name: "erase-personal-data", caseID: state.caseID, body: body)
            _ = try await commands.handle(erase, case: try CheckedCase(state.caseID), eventID: EventID(), actor: caller.actor, role: .privacyOfficer)
            erased.append(state.caseID)
        }
        return try JSONValue(encoding: RetentionApplyReply.erased(on: day.description, erased))
    }

    package init(projections: CaseProjection, protocols: AdoptedProtocols, commands: CommandHandler) {
        self.projections = projections
        self.protocols = protocols
        self.commands = commands
    }
}
