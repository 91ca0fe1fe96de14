import SpoorTestSupport
import Testing
@testable import SpoorDomain

/// The table of what each command needs of the case, tested both ways: on a case that meets every
/// row the check passes, and taking away any one precondition of a command refuses that command
/// with that precondition's reason. Issue 17 found a registration accepted on a case without a signal.
@Suite("The precondition table of the domain commands")
struct PreconditionTests {
    /// A case that meets every precondition but `closed` and `held`, which exclude `open` and erasure's peers.
    static func fullCase() throws -> CaseState {
        var harness = try CaseHarness.opened(birthDate: "2011-03-01", on: "2026-11-02")
        try harness.run(.signal(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.consult(on: "2026-11-02"), on: "2026-11-02")
        try harness.run(.talk(on: "2026-11-02"), on: "2026-11-02")
        // A registration is due.
        try harness.run(.weigh(unsafe: false, on: "2026-11-03", decision: .help), as: .behaviouralScientist, on: "2026-11-03")
        try harness.run(.requestWaiver(.unableToConsent, on: "2026-11-03"), on: "2026-11-03")
        return harness.current
    }

    /// `state` with `precondition` taken away.
    static func without(_ precondition: Precondition, _ state: CaseState) -> CaseState {
        var state = state
        switch precondition {
        case .open: state.isOpen = false
        case .closed: state.isOpen = true
        case .activeSignal: for signal in state.signals.all { state.signals.update(signal.recorded.signalID) { $0.isRetracted = true } }
        case .registrationDue: state.registrationDue = nil
        case .waiverRequested: state.waiverRequest = nil
        case .notErased: state.isErased = true
        case .held: state.legalHold = nil
        case .withdrawalNoticeDue: state.withdrawalNotice = nil
        }
        return state
    }

    /// `state` with `precondition` made to hold.
    static func with(_ precondition: Precondition, _ state: CaseState) -> CaseState {
        var state = state
        switch precondition {
        case .closed: state.isOpen = false
        case .held: state.legalHold = LegalHoldPlaced(reason: "required-by-law", placedOn: day("2026-11-03"), until: nil, personal: nil)
        case .withdrawalNoticeDue:
            state.withdrawalNotice = .init(party: .youth, due: .init(.notifyWithdrawal, since: day("2026-09-14"), under: .standard))
        default: break
        }
        return state
    }

    @Test func eachCommandIsRefusedWithoutEachOfItsPreconditionsAndPassesWithThem() throws {
        let full = try Self.fullCase()
        for event in try EveryEventType.events() {
            let command = CaseCommand(event)
            let ready = command.preconditions.reduce(full) { Self.with($1, $0) }
            #expect(throws: Never.self, "\(command.action)") { try Decider.checkPreconditions(command, on: ready) }
            for precondition in command.preconditions {
                #expect(throws: precondition.refusal(command.action), "\(command.action) without \(precondition.rawValue)") {
                    try Decider.checkPreconditions(command, on: Self.without(precondition, ready))
                }
            }
        }
    }

    /// The rows the research and the law make plain, written out: a registration, a forward or a
    /// report needs a signal; only an open case takes signals; erasure is once.
    @Test func theTableSaysWhatTheProcessNeeds() throws {
        let rows = Dictionary(
            try EveryEventType.events().map { (CaseCommand($0).action, CaseCommand($0).preconditions) },
            uniquingKeysWith: { first, _ in first })
        #expect(rows["register at CoMensha"] == [.activeSignal])
        #expect(rows["record a registration by another registrant"] == [.activeSignal])
        #expect(rows["report to Veilig Thuis"] == [.activeSignal])
        #expect(rows["record a signal"] == [.open])
        #expect(rows["decline a registration at CoMensha"] == [.registrationDue])
        #expect(rows["erase personal data"] == [.notErased])
        #expect(rows.count == EventKind.all.count, "every command appears in the sample case")
    }
}
