@testable import SpoorDomain

/// The day `text` (`YYYY-MM-DD`), which must be one.
public func day(_ text: String) -> Day { try! Day(parsing: text) }

/// A case driven through the decider as the daemon will: decide, then evolve each event.
public struct CaseHarness {
    /// Set another to change the protocol mid-case.
    public var decider = Decider()
    public var records: [CaseEventRecord] = []
    public var state: CaseState?

    public init() {}

    /// Decides `command` as `role` on `today` and folds the events in; returns them.
    @discardableResult
    public mutating func run(_ command: CaseCommand, as role: Role = .professional, actor: String? = nil, on today: String) throws(DomainError)
        -> [CaseEvent]
    {
        let context = Decider.Context(actor: actor ?? "\(role.rawValue)-1", role: role, today: day(today))
        let events = try decider.decide(command, state: state, context: context)
        for event in events {
            let record = CaseEventRecord(
                event: event, actor: context.actor, role: role,
                position: UInt64(records.count + 1), recordedOn: context.today, rules: decider.rules)
            records.append(record)
            state = CaseState.evolve(state, record)
        }
        return events
    }

    /// Folds `event` in as it was decided long ago, under rules since changed: no decide.
    public mutating func record(_ event: CaseEvent, as role: Role, actor: String, on today: String) {
        let record = CaseEventRecord(
            event: event, actor: actor, role: role, position: UInt64(records.count + 1),
            recordedOn: day(today), rules: decider.rules)
        records.append(record)
        state = CaseState.evolve(state, record)
    }

    /// Folds in CoMensha's envelope of registration `number`, as the daemon seals it beside the
    /// registration (the decider does not make it): delivery `delivery`, to the key `comensha-2027`.
    public mutating func recordSealed(registration number: Int, delivery: String, actor: String, on today: String) {
        record(
            .registrationSealed(
                RegistrationSealed(
                    registration: number, delivery: delivery, recipientKey: "comensha-2027", sealedOn: day(today), envelope: "c2VhbGVk")),
            as: .attentionOfficer, actor: actor, on: today)
    }

    /// The case as it stands; the harness must have opened it.
    public var current: CaseState { state! }

    /// A case opened on `today` for a youth born on `birthDate`.
    public static func opened(birthDate: String, on today: String, unit: String = "north", caseID: String = "case-1") throws -> CaseHarness {
        var harness = CaseHarness()
        try harness.run(
            CaseCommand(
                CaseOpened(
                    caseID: caseID, unit: unit, openedOn: day(today),
                    youth: YouthProfile(gender: .female, nationalityGroup: .dutch, ageAtOpening: 0),
                    personal: YouthIdentity(name: "J. Jansen", birthDate: day(birthDate)))), on: today)
        return harness
    }
}

/// Commands as the tests write them, with the defaults they share.
extension CaseCommand {
    public static func signal(_ forms: [String] = ["criminal"], indicators: [String] = ["criminal-exploitation"], on: String) -> CaseCommand {
        CaseCommand(
            SignalRecorded(
                signalID: "", observedOn: day(on), source: .ownObservation, reportedBy: nil,
                formsOfExploitation: forms, indicators: indicators, nature: .concrete, personal: Note("seen with older men, new phone")))
    }

    public static func consult(_ ids: [String] = ["signal-1"], on: String) -> CaseCommand {
        CaseCommand(ConsultationHeld(signalIDs: ids, heldOn: day(on), parties: ["attention-officer"], personal: nil))
    }

    public static func talk(_ ids: [String] = ["signal-1"], on: String) -> CaseCommand {
        CaseCommand(ConversationHeld(signalIDs: ids, heldOn: day(on), participants: [.youth], personal: nil))
    }

    public static func weigh(
        _ ids: [String] = ["signal-1"], unsafe: Bool, on: String, decision: WeighingRecorded.Decision = .report,
        evaluateOn: String? = nil
    ) -> CaseCommand {
        CaseCommand(
            WeighingRecorded(
                signalIDs: ids, weighedOn: day(on),
                answers: .init(
                    suspicion: true, acuteOrStructuralUnsafety: unsafe, canOfferEffectiveHelp: true, helpAccepted: true, helpProducesSafety: nil),
                decision: decision, norm: nil, evaluateOn: evaluateOn.map(day), personal: nil))
    }

    public static func report(_ ids: [String] = ["signal-1"], on: String, urgency: ReportedToVeiligThuis.Urgency = .regular) -> CaseCommand {
        CaseCommand(
            ReportedToVeiligThuis(
                reportID: "", signalIDs: ids, reportedOn: day(on), urgency: urgency,
                discussedWithClient: true, notDiscussedReason: nil, reference: nil))
    }

    public static func register(
        _ kind: RegisteredAtCoMensha.Kind, basis: RegisteredAtCoMensha.Basis = .none,
        purpose: RegisteredAtCoMensha.Purpose = .statistics, on: String
    ) -> CaseCommand {
        CaseCommand(
            RegisteredAtCoMensha(
                kind: kind, basis: basis, purpose: purpose, registeredOn: day(on), fieldsSent: [],
                formsOfExploitation: [], reference: nil))
    }

    public static func give(
        _ party: ConsentParty, form: ConsentGiven.Form = .written, for purposes: [RegisteredAtCoMensha.Purpose] = [.statistics],
        on: String
    ) -> CaseCommand {
        CaseCommand(ConsentGiven(by: party, givenOn: day(on), form: form, purposes: purposes))
    }

    /// Who holds parental authority: one parent unless said otherwise.
    public static func authority(_ holders: [ConsentParty] = [.parent], on: String) -> CaseCommand {
        CaseCommand(AuthorityRecorded(holders: holders, recordedOn: day(on)))
    }

    public static func refuse(_ party: ConsentParty, on: String) -> CaseCommand { CaseCommand(ConsentRefused(by: party, refusedOn: day(on))) }
    public static func withdraw(_ party: ConsentParty, on: String) -> CaseCommand { CaseCommand(ConsentWithdrawn(by: party, withdrawnOn: day(on))) }

    public static func requestWaiver(_ ground: WaiverGround, harm: WaiverHarm? = nil, on: String) -> CaseCommand {
        CaseCommand(ConsentWaiverRequested(ground: ground, harm: harm, requestedOn: day(on), personal: Note("the father recruits her")))
    }

    public static func approveWaiver(_ ground: WaiverGround, on: String) -> CaseCommand {
        CaseCommand(ConsentWaived(ground: ground, waivedOn: day(on), personal: nil))
    }
}
